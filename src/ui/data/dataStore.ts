import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createDataStore, type DataSlice } from '../../state/dataSlice.ts';
import { workerLoader } from './loaderClient.ts';

/** The app's data store: loads run in src/workers/cifarLoader.worker.ts. */
export const dataStore = createDataStore(workerLoader);

/** The data store of this part of the tree: the page's, or an embedded element's own. */
export const DataStoreContext = createContext(dataStore);

export function useDataStore() {
  return useContext(DataStoreContext);
}

export function useData<T>(selector: (state: DataSlice) => T): T {
  return useStore(useDataStore(), selector);
}
