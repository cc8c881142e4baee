import { describe, expect, it } from 'vitest';
import { subsetLabel, subsetSignature } from '../data/subsetSignature.ts';
import { inProcessOptimiserJobs } from '../jobs/optimiserClient.ts';
import type { RunHistoryDb } from '../jobs/runHistoryDb.ts';
import { separationQuestion } from '../train/experiment/questions.ts';
import { makeRun } from '../train/experiment/runFixture.ts';
import { DEFAULT_TRAIN_CONFIG } from '../train/types.ts';
import { createDataStore } from './dataStore.ts';
import { experimentDataOf } from './experimentData.ts';
import { createExperimentsStore } from './experimentsStore.ts';
import { createLabStore } from './labStore.ts';
import { createRunHistoryStore, type KeptRun, runsToCsv } from './runHistoryStore.ts';
import { keepFinishedRuns, keepQuestionRuns } from './runKeeper.ts';
import { fakeExperimentWorkers, memoryExperimentDb } from './testing/fakeExperimentJobs.ts';
import { epochReport, fakeRunner, tinyTrainInput as input } from './testing/fakeTrainJobs.ts';
import { cifar10Archive, nodeLoader } from './testing/nodeData.ts';
import { createTrainStores } from './trainStore.ts';
import { parseHash } from './urlHash.ts';
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

/** A lab, its train store on a fake runner, and the data store with the test archive loaded. */
async function labWithData() {
  const fake = fakeRunner();
  const { store: train } = createTrainStores(() => fake.runner);
  const lab = createLabStore(inProcessOptimiserJobs(), train);
  await Promise.resolve();
  const data = createDataStore(nodeLoader);
  await data.getState().loadFiles([cifar10Archive], []);
  return { fake, train, lab, data };
}

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
      'finishedAt,data,method,N,n,seed,labelling,loss,mode,epochs,trainSeed,maxCosine,minAngleDeg,meanCosine,testAccuracy,timeMs,question,failed,accuracy cat,accuracy dog\n' +
        '2026-12-06T07:00:00.000Z,"CIFAR-10, ""small""",lse,12,3,0,identity,softmax,fast,2,0,0.5,60,-0.1,0.5,1234,,,0.25,0.75\n',
    );
    const mixed = runsToCsv([run('a', 0), run('b', 0, { classNames: ['cat', 'ship'] })]);
    expect(mixed.split('\n')[0].endsWith('timeMs,question,failed')).toBe(true);
  });
});

describe('keeping finished runs', () => {
  it('keeps a run that finishes with what it trained on, and a new one beside it', async () => {
    const { fake, train, lab, data } = await labWithData();
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
        method: 'best',
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
      ['best', 12],
      ['orthoplex', 6],
    ]);
  });
});

describe("keeping failed runs and the questions' runs", () => {
  it('keeps a run that broke down, with its reason, and no mark', async () => {
    const { fake, train, lab, data } = await labWithData();
    const history = createRunHistoryStore(null);
    keepFinishedRuns({ lab, train, data }, history, () => 7000);
    train.getState().start(input, ['cat', 'dog']);
    fake.emit({ type: 'epoch', jobId: 1, report: epochReport(1, 40) });
    const reason = 'The loss became NaN at epoch 2; try a larger temperature.';
    fake.emit({ type: 'error', jobId: 1, kind: 'training', message: reason });
    const [kept] = history.store.getState().runs;
    expect(kept.failed).toBe(reason);
    expect(kept.testAccuracy).toBeNaN();
    expect(kept.method).toBe('best');
  });

  it('adds each finished or failed run of a question, once, with a link to its settings', async () => {
    const { train, lab, data } = await labWithData();
    const subset = data.getState().subset;
    if (!subset) throw new Error('no subset');
    const db = memoryExperimentDb();
    const workers = fakeExperimentWorkers();
    const experiments = createExperimentsStore({ db, makeWorker: workers.make, now: () => 1 });
    await experiments.init();
    const history = createRunHistoryStore(null);
    keepQuestionRuns({ lab, train, data, experiments: experiments.store }, history, () => 9000);
    const K = subset.classNames.length;
    const spec = separationQuestion(K, 16);
    const { dataset, data: expData } = experimentDataOf(subset, null);
    const id = experiments.queue(spec, dataset, expData);
    const jobId = workers.started[0].jobId;
    const result = { ...makeRun('rm', 'identity', 1, 0.42, -0.06), N: K };
    workers.send({ type: 'result', jobId, result });
    workers.send({
      type: 'runFailed',
      jobId,
      key: 'best|identity|1',
      message: 'the loss became NaN',
    });
    const runs = history.store.getState().runs;
    expect(runs).toHaveLength(2);
    expect(runs[0]).toMatchObject({
      id: `${id}:rm|identity|1`,
      method: 'rm',
      seed: 1,
      N: K,
      n: 16,
      testAccuracy: 0.42,
      maxCosine: -0.06,
      dataSignature: subsetSignature(subset),
      epochs: spec.config.epochs,
      hiddenUnits: 0,
      question: 'Does separation matter?',
    });
    expect(parseHash(runs[0].hash).values).toMatchObject({
      method: 'rm',
      N: K,
      n: 16,
      seed: 1,
      'train.labelling': 'identity',
      'train.epochs': spec.config.epochs,
      'train.seed': 1,
    });
    expect(runs[1]).toMatchObject({ method: 'best', seed: 1, failed: 'the loss became NaN' });
    // Results read back from storage after a reload are not added a second time.
    const again = createExperimentsStore({ db, makeWorker: workers.make, now: () => 2 });
    const after = createRunHistoryStore(null);
    keepQuestionRuns({ lab, train, data, experiments: again.store }, after, () => 9001);
    await again.init();
    expect(after.store.getState().runs).toHaveLength(0);
  });
});
