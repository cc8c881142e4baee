import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { workerLoader } from '../jobs/cifarLoaderClient.ts';
import { browserExperimentWorker } from '../jobs/experimentClient.ts';
import { openExperimentDb } from '../jobs/experimentDb.ts';
import { workersFor } from '../jobs/experimentPool.ts';
import { defaultOptimiserJobs } from '../jobs/optimiserClient.ts';
import { openRunHistoryDb } from '../jobs/runHistoryDb.ts';
import { createDataStore, type DataState } from './dataStore.ts';
import {
  createExperimentsStore,
  type ExperimentRecord,
  type ExperimentsController,
  type ExperimentsState,
} from './experimentsStore.ts';
import type { LabState } from './labState.ts';
import { createLabStore } from './labStore.ts';
import {
  createRunHistoryStore,
  type KeptRun,
  type RunHistory,
  type RunHistoryState,
} from './runHistoryStore.ts';
import { keepFinishedRuns, keepQuestionRuns } from './runKeeper.ts';
import { createTrainStores, type TrainLive, type TrainState } from './trainStore.ts';

/**
 * One lab's stores: the standalone page, the `?embed` page and every `<hypersphere-lab>` element
 * each make their own, so labs on one page never share state. Components reach them only
 * through LabContext (the hooks below); code outside React is handed the object by whoever made it.
 */
export interface LabStores {
  readonly lab: StoreApi<LabState>;
  readonly data: StoreApi<DataState>;
  readonly train: StoreApi<TrainState>;
  /** Per-batch values, read through transient subscriptions (trainStore.ts). */
  readonly trainLive: StoreApi<TrainLive>;
  readonly experiments: ExperimentsController;
  /** Every finished training run, kept in IndexedDB (runHistoryStore.ts). */
  readonly runs: RunHistory;
}

/** A lab's stores on the browser's workers (each is made when first used) and IndexedDB. */
export function createLabStores(): LabStores {
  const { store: train, live: trainLive } = createTrainStores();
  const lab = createLabStore(defaultOptimiserJobs(), train);
  const data = createDataStore(workerLoader);
  const stored = typeof indexedDB !== 'undefined';
  const runs = createRunHistoryStore(stored ? openRunHistoryDb<KeptRun>() : null);
  const experiments = createExperimentsStore({
    db: stored ? openExperimentDb<ExperimentRecord>() : null,
    makeWorker: browserExperimentWorker,
    now: () => Date.now(),
    parallel: workersFor(
      typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency,
    ),
  });
  keepFinishedRuns({ lab, train, data }, runs);
  keepQuestionRuns({ lab, train, data, experiments: experiments.store }, runs);
  void runs.init();
  return { lab, data, train, trainLive, experiments, runs };
}

export const LabContext = createContext<LabStores | null>(null);

/** The stores of the lab this component belongs to. */
export function useLabStores(): LabStores {
  const stores = useContext(LabContext);
  if (!stores) throw new Error('a lab component is rendered outside <LabContext>');
  return stores;
}

export const useLabStore = () => useLabStores().lab;
export const useDataStore = () => useLabStores().data;
export const useTrainStore = () => useLabStores().train;
export const useTrainLive = () => useLabStores().trainLive;

/** React hooks that select from one store: `useLab((s) => s.current)`. */
export const useLab = <T>(selector: (s: LabState) => T): T => useStore(useLabStore(), selector);
export const useData = <T>(selector: (s: DataState) => T): T => useStore(useDataStore(), selector);
export const useTrain = <T>(selector: (s: TrainState) => T): T =>
  useStore(useTrainStore(), selector);
export const useExperiments = <T>(selector: (s: ExperimentsState) => T): T =>
  useStore(useLabStores().experiments.store, selector);
export const useRuns = <T>(selector: (s: RunHistoryState) => T): T =>
  useStore(useLabStores().runs.store, selector);
