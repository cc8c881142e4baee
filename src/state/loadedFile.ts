import type { StoreApi } from 'zustand/vanilla';
import { createCodebook } from '../core/math/codebook.ts';
import type { ParseResult } from '../jobs/analysisProtocol.ts';
import type { LabState } from './labState.ts';

/** The method label of prototypes read from a file: "file: name.npy". */
export function fileMethodLabel(name: string): string {
  return `file: ${name}`;
}

/**
 * Shows prototypes read from a file (parsed and measured in the analysis worker) as the current
 * ones, without running a method. A running job is cancelled first so that it does not replace
 * the file's prototypes when it ends. The request (the controls) stays as it was.
 */
export function showLoadedPrototypes(file: ParseResult, store: StoreApi<LabState>): void {
  const state = store.getState();
  if (state.job) state.cancelJob();
  store.setState({
    error: null,
    current: {
      method: fileMethodLabel(file.name),
      N: file.N,
      n: file.n,
      seed: 0,
      params: {},
      codebook: createCodebook(file.N, file.n, file.data),
      metrics: file.metrics,
      timeMs: file.timeMs,
    },
  });
}
