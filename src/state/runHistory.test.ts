import { describe, expect, it } from 'vitest';
import { subsetLabel, subsetSignature } from '../data/subsetSignature.ts';
import { inProcessOptimiserJobs } from '../jobs/optimiserClient.ts';
import type { RunHistoryDb } from '../jobs/runHistoryDb.ts';
import { DEFAULT_TRAIN_CONFIG } from '../train/types.ts';
import { createDataStore } from './dataStore.ts';
import { createLabStore } from './labStore.ts';
import { createRunHistoryStore, type KeptRun, runsToCsv } from './runHistoryStore.ts';
import { keepFinishedRuns } from './runKeeper.ts';
import { epochReport, fakeRunner, tinyTrainInput as input } from './testing/fakeTrainJobs.ts';
import { cifar10Archive, nodeLoader } from './testing/nodeData.ts';
import { createTrainStores } from './trainStore.ts';
import { stateHash } from './urlSync.ts';

/** IndexedDB's part, in memory: what a reload would read back. */
function memoryDb(): RunHistoryDb<KeptRun> & { rows: Map<string, KeptRun> } {
  const rows = new Map<string, KeptRun>();
  return {
    rows,
    loadAll: async () => [...rows.values()],
    put: async (r) => void rows.set(r.id, r),
    delete: async (id) => void rows.delete(id),
  };
}

const run = (id: string, finishedAt: number, over: Partial<KeptRun> = {}): KeptRun => ({
  id,
  finishedAt,
  data: 'CIFAR-10, 2 classes, 4 / 2 images',
  dataSignature: 'sig',
  method: 'lse',
  N: 12,
  n: 3,
  seed: 0,
  maxCosine: 0.5,
  minAngleDeg: 60,
  meanCosine: -0.1,
  labelling: 'identity',
  loss: 'softmax',
  mode: 'fast',
  epochs: 2,
  trainSeed: 0,
  testAccuracy: 0.5,
  perClassAccuracy: [0.25, 0.75],
  classNames: ['cat', 'dog'],
  timeMs: 1234,
  hash: 'method=lse&N=12&n=3',
  ...over,
});

describe('run history', () => {
  it('keeps every run over a reload, oldest first, until the person deletes one', async () => {
    const db = memoryDb();
    const first = createRunHistoryStore(db);
    await first.init();
    for (let i = 0; i < 50; i++) first.add(run(`r${i}`, 1000 + i));
    await Promise.resolve();
    const reloaded = createRunHistoryStore(db);
    await reloaded.init();
    expect(reloaded.store.getState().runs.map((r) => r.id)).toEqual(
      Array.from({ length: 50 }, (_, i) => `r${i}`),
    );
    reloaded.remove('r7');
    await Promise.resolve();
    expect(reloaded.store.getState().runs).toHaveLength(49);
    expect(db.rows.has('r7')).toBe(false);
  });

  it('says so when storage fails, and keeps the runs on the page', async () => {
    const broken: RunHistoryDb<KeptRun> = {
      loadAll: async () => {
        throw new Error('quota');
      },
      put: async () => {
        throw new Error('quota');
      },
      delete: async () => {},
    };
    const history = createRunHistoryStore(broken);
    await history.init();
    history.add(run('a', 1));
    await new Promise((r) => setTimeout(r, 0));
    expect(history.store.getState().runs.map((r) => r.id)).toEqual(['a']);
    expect(history.store.getState().message).toBe(
      'this run could not be stored (quota); the runs stay on this page until it is closed',
    );
  });

  it('exports CSV: one row a run, a column per class when the classes agree', () => {
    const csv = runsToCsv([
      run('a', Date.UTC(2026, 11, 6, 7, 0, 0), { data: 'CIFAR-10, "small"' }),
    ]);
    expect(csv).toBe(
      'finishedAt,data,method,N,n,seed,labelling,loss,mode,epochs,trainSeed,maxCosine,minAngleDeg,meanCosine,testAccuracy,timeMs,accuracy cat,accuracy dog\n' +
        '2026-12-06T07:00:00.000Z,"CIFAR-10, ""small""",lse,12,3,0,identity,softmax,fast,2,0,0.5,60,-0.1,0.5,1234,0.25,0.75\n',
    );
    const mixed = runsToCsv([run('a', 0), run('b', 0, { classNames: ['cat', 'ship'] })]);
    expect(mixed.split('\n')[0].endsWith('timeMs')).toBe(true);
  });
});

describe('keeping finished runs', () => {
  it('keeps a run that finishes with what it trained on, and a new one beside it', async () => {
    const fake = fakeRunner();
    const { store: train } = createTrainStores(() => fake.runner);
    const lab = createLabStore(inProcessOptimiserJobs(), train);
    await Promise.resolve();
    const data = createDataStore(nodeLoader);
    await data.getState().loadFiles([cifar10Archive], []);
    const history = createRunHistoryStore(null);
    let clock = 5000;
    keepFinishedRuns({ lab, train, data }, history, () => clock++);

    const link = stateHash(lab.getState(), train.getState().settings, data);
    const metrics = lab.getState().current?.metrics;
    train.getState().start(input, ['cat', 'dog']);
    // The prototypes change while it trains: the run keeps what it started with.
    lab.getState().setRequest({ method: 'orthoplex', N: 6 });
    fake.emit({ type: 'epoch', jobId: 1, report: epochReport(1, 40) });
    fake.emit({ type: 'epoch', jobId: 1, report: epochReport(2, 40) });
    fake.emit({ type: 'done', jobId: 1, epochs: 2 });
    const subset = data.getState().subset;
    if (!subset) throw new Error('no subset');
    expect(history.store.getState().runs).toEqual([
      expect.objectContaining({
        finishedAt: 5000,
        data: subsetLabel(subset),
        dataSignature: subsetSignature(subset),
        method: 'lse',
        N: 12,
        n: 3,
        seed: 0,
        maxCosine: metrics?.maxCosine,
        minAngleDeg: metrics?.minAngleDeg,
        labelling: 'identity',
        epochs: DEFAULT_TRAIN_CONFIG.epochs,
        testAccuracy: epochReport(2, 40).testAccuracy,
        perClassAccuracy: [0.5, 0.5],
        classNames: ['cat', 'dog'],
        hash: link,
      }),
    ]);

    // A second run with the new prototypes is kept beside the first; a stopped one is not.
    train.getState().start(input, ['cat', 'dog']);
    fake.emit({ type: 'epoch', jobId: 2, report: epochReport(1, 40) });
    fake.emit({ type: 'done', jobId: 2, epochs: 1 });
    train.getState().start(input, ['cat', 'dog']);
    fake.emit({ type: 'epoch', jobId: 3, report: epochReport(1, 40) });
    train.getState().stop();
    fake.emit({ type: 'stopped', jobId: 3 });
    expect(history.store.getState().runs.map((r) => [r.method, r.N])).toEqual([
      ['lse', 12],
      ['orthoplex', 6],
    ]);
  });
});
