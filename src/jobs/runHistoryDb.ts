/**
 * IndexedDB storage of the training panel's kept runs (state/runHistoryStore.ts), so a reload
 * keeps every finished run. One object store, `runs`, by id; each run is written as it ends.
 */
const DB_NAME = 'hypersphere-lab-runs';
const VERSION = 1;

/** R: the kept run (the store's type; it only needs an `id`). */
export interface RunHistoryDb<R extends { readonly id: string }> {
  loadAll(): Promise<R[]>;
  put(run: R): Promise<void>;
  delete(id: string): Promise<void>;
}

function settled(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export function openRunHistoryDb<R extends { readonly id: string }>(
  factory: IDBFactory = indexedDB,
): RunHistoryDb<R> {
  let opened: Promise<IDBDatabase> | null = null;
  const db = () => {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const r = factory.open(DB_NAME, VERSION);
      r.onupgradeneeded = () => r.result.createObjectStore('runs', { keyPath: 'id' });
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    return opened;
  };
  const write = async (act: (runs: IDBObjectStore) => void) => {
    const tx = (await db()).transaction('runs', 'readwrite');
    act(tx.objectStore('runs'));
    await settled(tx);
  };
  return {
    async loadAll() {
      const r = (await db()).transaction('runs', 'readonly').objectStore('runs').getAll();
      return new Promise<R[]>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result as R[]);
        r.onerror = () => reject(r.error);
      });
    },
    put: (run) => write((runs) => runs.put(run)),
    delete: (id) => write((runs) => runs.delete(id)),
  };
}
