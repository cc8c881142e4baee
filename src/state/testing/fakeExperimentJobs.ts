/** The experiment worker and its IndexedDB part, faked in memory for the store tests. */
import type { ExperimentWorkerLike } from '../../jobs/experimentClient.ts';
import type { ExperimentDb, StoredResult } from '../../jobs/experimentDb.ts';
import type { FromExperimentWorker, ToExperimentWorker } from '../../jobs/experimentProtocol.ts';
import type { ExperimentRecord } from '../experimentsStore.ts';

export function memoryExperimentDb(): ExperimentDb<ExperimentRecord> & {
  records: Map<string, ExperimentRecord>;
  results: StoredResult[];
} {
  const records = new Map<string, ExperimentRecord>();
  const results: StoredResult[] = [];
  return {
    records,
    results,
    loadAll: async () => ({ experiments: [...records.values()], results: [...results] }),
    putExperiment: async (r) => void records.set(r.id, r),
    putResult: async (r) => void results.push(r),
    deleteExperiment: async (id) => void records.delete(id),
  };
}

export function fakeExperimentWorkers() {
  const started: ToExperimentWorker[] = [];
  const workers: ExperimentWorkerLike[] = [];
  return {
    started,
    workers,
    make(): ExperimentWorkerLike {
      const w: ExperimentWorkerLike = {
        postMessage: (m) => started.push(m),
        terminate: () => {},
        onmessage: null,
        onerror: null,
      };
      workers.push(w);
      return w;
    },
    send(m: FromExperimentWorker) {
      workers.at(-1)?.onmessage?.({ data: m } as MessageEvent<FromExperimentWorker>);
    },
  };
}
