import { createStore } from 'zustand/vanilla';

/**
 * The prototypes of a running optimisation, updated many times a second. Kept out of the main
 * store on purpose: the 3D scene reads it through a transient subscription (no React re-render
 * per update); React components never select from it.
 */
export interface LivePrototypes {
  /** Id of the job these belong to (0: none running). */
  readonly jobId: number;
  readonly N: number;
  readonly n: number;
  readonly step: number;
  /** Row-major N x n, or null when nothing is running. */
  readonly data: Float64Array | null;
}

/** One per lab store (each embedded instance has its own), made with its prototypes slice. */
export function createLiveStore() {
  return createStore<LivePrototypes>()(() => ({
    jobId: 0,
    N: 0,
    n: 0,
    step: 0,
    data: null,
  }));
}

export type LiveStore = ReturnType<typeof createLiveStore>;
