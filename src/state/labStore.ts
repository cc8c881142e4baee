import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createPresentationSlice } from './presentation.ts';
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
    ...createPresentationSlice(...a),
  }));
}

export const labStore = createLabStore();

/**
 * The store the components below read. The standalone page never provides one (the default is
 * the page's `labStore`); each `<hypersphere-lab>` element provides its own, so two elements on
 * one page keep separate state.
 */
export const LabStoreContext = createContext<StoreApi<LabState>>(labStore);

/** The lab store of this part of the tree (for imperative reads, subscriptions and actions). */
export function useLabStore(): StoreApi<LabState> {
  return useContext(LabStoreContext);
}

/** React hook: `useLab((s) => s.current)`. */
export function useLab<T>(selector: (state: LabState) => T): T {
  return useStore(useLabStore(), selector);
}
