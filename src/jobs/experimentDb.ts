/**
 * IndexedDB storage of experiments and their results, so a reload keeps every finished run
 * (and the queue can be resumed). Two object stores: `experiments` by id, `results` by
 * [experimentId, key]. Each result is written the moment it arrives.
 */
import type { RunResult } from '../train/experiment/types.ts';
import { lazyDb, request, settled } from './idb.ts';

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

export function openExperimentDb<R extends { readonly id: string }>(
  factory: IDBFactory = indexedDB,
): ExperimentDb<R> {
  const db = lazyDb(factory, DB_NAME, VERSION, (d) => {
    d.createObjectStore('experiments', { keyPath: 'id' });
    d.createObjectStore('results', { keyPath: ['experimentId', 'key'] });
  });
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
      await settled(tx);
    },
    async putResult(result) {
      const tx = (await db()).transaction('results', 'readwrite');
      tx.objectStore('results').put(result);
      await settled(tx);
    },
    async deleteExperiment(id) {
      const tx = (await db()).transaction(['experiments', 'results'], 'readwrite');
      tx.objectStore('experiments').delete(id);
      tx.objectStore('results').delete(IDBKeyRange.bound([id, ''], [id, '\uffff']));
      await settled(tx);
    },
  };
}
