import type { Codebook } from '../core/math/codebook.ts';
import { InfeasibleError, InputError, runMethod } from '../core/methods/registry.ts';
import type { SeparationMetrics } from '../core/metrics/separation.ts';
import { separationMetrics } from '../core/metrics/separation.ts';
import type { SliceCreator } from './types.ts';

/** What the controls ask for. */
export interface PrototypeRequest {
  readonly method: string;
  readonly N: number;
  readonly n: number;
  readonly seed: number;
}

/** A codebook that was made, with the request that made it and its separation numbers. */
export interface PrototypeResult extends PrototypeRequest {
  readonly codebook: Codebook;
  readonly metrics: SeparationMetrics;
}

export interface PrototypesSlice {
  /** The controls' values: the last request, whether or not it could be made. */
  readonly request: PrototypeRequest;
  /** What the scene and the readout show: the last request that succeeded. */
  readonly current: PrototypeResult | null;
  /** Why the last request was not made (null when it was). */
  readonly error: string | null;
  /** Changes part of the request and remakes the prototypes; on failure only `error` changes. */
  setRequest(patch: Partial<PrototypeRequest>): void;
}

export const DEFAULT_REQUEST: PrototypeRequest = { method: 'kasarla', N: 4, n: 3, seed: 0 };

/**
 * The browser computes prototypes and the O(N^2 n) metrics on the main thread for now, so the UI
 * keeps N small; a worker will lift this.
 */
export const UI_MAX_N = 2000;

export type Outcome =
  | { readonly ok: true; readonly result: PrototypeResult }
  | { readonly ok: false; readonly error: string };

/** Makes the prototypes for a request; expected failures come back as a readable message. */
export function makePrototypes(request: PrototypeRequest): Outcome {
  if (request.N > UI_MAX_N) {
    return {
      ok: false,
      error: `the browser shows at most ${UI_MAX_N} prototypes for now, got N = ${request.N}`,
    };
  }
  try {
    const made = runMethod(request);
    const metrics = separationMetrics({ codebook: made.codebook, binary: made.binary });
    return { ok: true, result: { ...request, codebook: made.codebook, metrics } };
  } catch (e) {
    if (e instanceof InputError || e instanceof InfeasibleError)
      return { ok: false, error: e.message };
    // Anything else is a bug: show it, and report it loudly.
    console.error(e);
    return { ok: false, error: `unexpected error: ${(e as Error).message}` };
  }
}

export const createPrototypesSlice: SliceCreator<PrototypesSlice> = (set, get) => {
  const first = makePrototypes(DEFAULT_REQUEST);
  return {
    request: DEFAULT_REQUEST,
    current: first.ok ? first.result : null,
    error: first.ok ? null : first.error,
    setRequest(patch) {
      const request = { ...get().request, ...patch };
      const outcome = makePrototypes(request);
      set(
        outcome.ok
          ? { request, current: outcome.result, error: null }
          : { request, error: outcome.error },
      );
    },
  };
};
