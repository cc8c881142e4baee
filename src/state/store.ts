import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { createPrototypesSlice } from './prototypes.ts';
import { defaultRunner, type PrototypeRunner } from './runner.ts';
import type { LabState } from './types.ts';
import { createViewSlice } from './view.ts';

export type { LabState } from './types.ts';

/** A fresh store (tests make their own with an in-process runner; the app uses `labStore`). */
export function createLabStore(runner: PrototypeRunner = defaultRunner()) {
  return createStore<LabState>()((...a) => ({
    ...createPrototypesSlice(runner)(...a),
    ...createViewSlice(...a),
  }));
}

export const labStore = createLabStore();

/** React hook: `useLab((s) => s.current)`. */
export function useLab<T>(selector: (state: LabState) => T): T {
  return useStore(labStore, selector);
}
