import type { StoreApi } from 'zustand/vanilla';
import { createStore } from 'zustand/vanilla';
import { defaultOptimiserJobs, type OptimiserJobs } from '../jobs/optimiserClient.ts';
import type { LabState } from './labState.ts';
import { createPresentationSlice } from './presentation.ts';
import { createPrototypesSlice } from './prototypes.ts';
import type { TrainState } from './trainStore.ts';
import { createViewSlice } from './view.ts';

/**
 * The lab store: the prototypes, the view and the presentation, one slice each. Tests make their
 * own with in-process jobs; the app makes one per lab with createLabStores (labContext.ts).
 * `train`: the lab's train store, which a tour step keeps (presentation.ts).
 */
export function createLabStore(
  jobs: OptimiserJobs = defaultOptimiserJobs(),
  train?: StoreApi<TrainState>,
): StoreApi<LabState> {
  return createStore<LabState>()((...a) => ({
    ...createPrototypesSlice(jobs)(...a),
    ...createViewSlice(...a),
    ...createPresentationSlice(train)(...a),
  }));
}
