import { useStore } from 'zustand';
import { createDataStore, type DataSlice } from '../../state/dataSlice.ts';
import { workerLoader } from './loaderClient.ts';

/** The app's data store: loads run in src/workers/cifarLoader.worker.ts. */
export const dataStore = createDataStore(workerLoader);

export function useData<T>(selector: (state: DataSlice) => T): T {
  return useStore(dataStore, selector);
}
