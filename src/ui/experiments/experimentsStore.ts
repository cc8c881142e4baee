/** The page's experiment queue: runs in src/workers/experiment.worker.ts, kept in IndexedDB. */
import { useStore } from 'zustand';
import { openExperimentDb } from '../../jobs/experimentDb.ts';
import {
  createExperimentsStore,
  type ExperimentRecord,
  type ExperimentsState,
} from '../../state/experiments.ts';

export const experiments = createExperimentsStore({
  db: typeof indexedDB === 'undefined' ? null : openExperimentDb<ExperimentRecord>(),
  makeWorker: () =>
    new Worker(new URL('../../workers/experiment.worker.ts', import.meta.url), {
      type: 'module',
      name: 'experiment',
    }),
  now: () => Date.now(),
});

let started = false;
/** Reads the stored experiments once, when the panel first shows. */
export function initExperiments(): void {
  if (started) return;
  started = true;
  void experiments.init();
}

export function useExperiments<T>(selector: (s: ExperimentsState) => T): T {
  return useStore(experiments.store, selector);
}
