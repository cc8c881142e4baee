/**
 * IndexedDB storage of experiments and their results, so a reload keeps every finished run
 * (and the queue can be resumed). Two object stores: `experiments` by id, `results` by
 * [experimentId, key]. Each result is written the moment it arrives.
 */
import type { RunResult } from '../train/experiment/types.ts';

const DB_NAME = 'hypersphere-lab-experiments';
const VERSION = 1;

export interface StoredResult extends RunResult {
  readonly experimentId: string;
}

/** R: the experiment record (the store's type; it only needs an `id`). */
export interface ExperimentDb<R extends { readonly id: string }> {
  loadAll(): Promise<{ experiments: R[]; results: StoredResult[] }>;
  putExperiment(record: R): Promise<void>;
  putResult(result: StoredResult): Promise<void>;
  deleteExperiment(id: string): Promise<void>;
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export function openExperimentDb<R extends { readonly id: string }>(
  factory: IDBFactory = indexedDB,
): ExperimentDb<R> {
  let opened: Promise<IDBDatabase> | null = null;
  const db = () => {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const r = factory.open(DB_NAME, VERSION);
      r.onupgradeneeded = () => {
        r.result.createObjectStore('experiments', { keyPath: 'id' });
        r.result.createObjectStore('results', { keyPath: ['experimentId', 'key'] });
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    return opened;
  };
  return {
    async loadAll() {
      const d = await db();
      const tx = d.transaction(['experiments', 'results'], 'readonly');
      const experiments = await request(tx.objectStore('experiments').getAll() as IDBRequest<R[]>);
      const results = await request(
        tx.objectStore('results').getAll() as IDBRequest<StoredResult[]>,
      );
      return { experiments, results };
    },
    async putExperiment(record) {
      const tx = (await db()).transaction('experiments', 'readwrite');
      tx.objectStore('experiments').put(record);
      await done(tx);
    },
    async putResult(result) {
      const tx = (await db()).transaction('results', 'readwrite');
      tx.objectStore('results').put(result);
      await done(tx);
    },
    async deleteExperiment(id) {
      const tx = (await db()).transaction(['experiments', 'results'], 'readwrite');
      tx.objectStore('experiments').delete(id);
      tx.objectStore('results').delete(IDBKeyRange.bound([id, ''], [id, '\uffff']));
      await done(tx);
    },
  };
}
