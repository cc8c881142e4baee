/**
 * IndexedDB storage of the training panel's kept runs (state/runHistoryStore.ts), so a reload
 * keeps every finished run. One object store, `runs`, by id; each run is written as it ends.
 */
import { lazyDb, request, settled } from './idb.ts';

const DB_NAME = 'hypersphere-lab-runs';
const VERSION = 1;

/** R: the kept run (the store's type; it only needs an `id`). */
export interface RunHistoryDb<R extends { readonly id: string }> {
  loadAll(): Promise<R[]>;
  put(run: R): Promise<void>;
  delete(id: string): Promise<void>;
}

export function openRunHistoryDb<R extends { readonly id: string }>(
  factory: IDBFactory = indexedDB,
): RunHistoryDb<R> {
  const db = lazyDb(factory, DB_NAME, VERSION, (d) =>
    d.createObjectStore('runs', { keyPath: 'id' }),
  );
  const write = async (act: (runs: IDBObjectStore) => void) => {
    const tx = (await db()).transaction('runs', 'readwrite');
    act(tx.objectStore('runs'));
    await settled(tx);
  };
  return {
    async loadAll() {
      const all = (await db()).transaction('runs', 'readonly').objectStore('runs').getAll();
      return request(all as IDBRequest<R[]>);
    },
    put: (run) => write((runs) => runs.put(run)),
    delete: (id) => write((runs) => runs.delete(id)),
  };
}
