import type { LabStores } from './labContext.ts';
import { stateHash } from './urlSync.ts';

/** What `window.__hypersphereLab.current()` returns: the prototypes on screen, as plain data. */
export interface ShownPrototypes {
  readonly method: string;
  readonly N: number;
  readonly n: number;
  readonly seed: number;
  readonly params: Readonly<Record<string, number | boolean | string>>;
  readonly steps: number | null;
  readonly maxCosine: number;
  /** Row-major N x n, every coordinate exactly as computed. */
  readonly data: number[];
}

export interface LabDebugHook {
  current(): ShownPrototypes | null;
  /** The hash that describes the page now (without #). */
  hash(): string;
}

declare global {
  interface Window {
    __hypersphereLab?: LabDebugHook;
  }
}

/**
 * A small read-only hook for tests and curious users (e.g. to check that a shared link gives
 * bit-identical prototypes): `window.__hypersphereLab.current()` in the console.
 */
export function installDebugHook(
  { lab: store, train, data }: LabStores,
  win: Window = window,
): void {
  win.__hypersphereLab = {
    current() {
      const c = store.getState().current;
      if (!c) return null;
      return {
        method: c.method,
        N: c.N,
        n: c.n,
        seed: c.seed,
        params: { ...c.params },
        steps: c.steps ?? null,
        maxCosine: c.metrics.maxCosine,
        data: Array.from(c.codebook.data),
      };
    },
    hash: () => stateHash(store.getState(), train.getState().settings, data),
  };
}
