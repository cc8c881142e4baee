import { describe, expect, it, vi } from 'vitest';
import type { ExperimentWorkerLike } from '../jobs/experimentClient.ts';
import type { ToExperimentWorker } from '../jobs/experimentProtocol.ts';
import { COPY_IN_SLICES_ABOVE } from '../jobs/sliceCopy.ts';
import { makeRun } from '../train/experiment/runFixture.ts';
import type { ExperimentSpec } from '../train/experiment/types.ts';
import { DEFAULT_LABELLING_OPTIONS } from '../train/labellings/options.ts';
import { DEFAULT_TRAIN_CONFIG } from '../train/types.ts';
import { createExperimentsStore, type ExperimentDataset } from './experimentsStore.ts';
import {
  fakeExperimentWorkers as fakeWorkers,
  memoryExperimentDb as memoryDb,
} from './testing/fakeExperimentJobs.ts';

const spec: ExperimentSpec = {
  title: 'sweep',
  n: 16,
  methods: ['random', 'rm'],
  labellings: ['identity'],
  seeds: 1,
  config: DEFAULT_TRAIN_CONFIG,
  labelling: DEFAULT_LABELLING_OPTIONS,
};
const dataset: ExperimentDataset = {
  label: 'CIFAR-10, 10 classes',
  classNames: [],
  coarseOfClass: null,
  coarseNames: null,
  signature: 'sig',
};
const data = {
  train: { count: 0, pixels: new Uint8Array(0), labels: new Uint8Array(0) },
  test: { count: 0, pixels: new Uint8Array(0), labels: new Uint8Array(0) },
  classNames: [],
  coarseOfClass: null,
};

describe('the experiment queue', () => {
  it('keeps finished runs, and resumes with only the missing ones after a reload', async () => {
    const db = memoryDb();
    const w = fakeWorkers();
    const first = createExperimentsStore({ db, makeWorker: () => w.make(), now: () => 1000 });
    await first.init();
    const id = first.queue(spec, dataset, data);
    expect(w.started[0].runs.map((r) => r.key)).toEqual(['random|identity|0', 'rm|identity|0']);
    w.send({
      type: 'result',
      jobId: w.started[0].jobId,
      result: makeRun('random', 'identity', 0, 0.5, 0.4),
    });
    expect(first.store.getState().results[id].map((r) => r.key)).toEqual(['random|identity|0']);
    // The page goes away mid-experiment: a new page reads the stored state.
    const second = createExperimentsStore({ db, makeWorker: () => w.make(), now: () => 2000 });
    await second.init();
    const restored = second.store.getState();
    expect(restored.experiments.map((e) => e.status)).toEqual(['cancelled']);
    expect(restored.results[id].map((r) => r.key)).toEqual(['random|identity|0']);
    // Other data: refused, nothing starts.
    second.resume(id, { ...dataset, signature: 'other', label: 'CIFAR-100' }, data);
    expect(w.started).toHaveLength(1);
    expect(second.store.getState().message).toBe(
      'This experiment ran on CIFAR-10, 10 classes; load that data to resume it (now loaded: CIFAR-100).',
    );
    second.resume(id, dataset, data);
    expect(w.started[1].runs.map((r) => r.key)).toEqual(['rm|identity|0']);
    w.send({
      type: 'result',
      jobId: w.started[1].jobId,
      result: makeRun('rm', 'identity', 0, 0.6, 0),
    });
    w.send({ type: 'done', jobId: w.started[1].jobId });
    expect(second.store.getState().experiments[0].status).toBe('done');
    expect(second.store.getState().running).toBeNull();
  });

  it('says in words when the worker goes on after a lost device, or a run leaked, and keeps running', async () => {
    const w = fakeWorkers();
    const experiments = createExperimentsStore({
      db: memoryDb(),
      makeWorker: () => w.make(),
      now: () => 1000,
    });
    await experiments.init();
    experiments.queue(spec, dataset, data);
    const text =
      'The WebGPU device was lost (gone), so the runs go on on the CPU, from epoch 3 of run rm|identity|0.';
    w.send({ type: 'status', jobId: w.started[0].jobId, text });
    expect(experiments.store.getState().message).toBe(text);
    expect(experiments.store.getState().experiments[0].status).toBe('running');
    // A run that leaked tensors is kept, and the leak is said.
    const leak =
      'Memory leak: 12 tensors before the run, 15 after it was freed (the count should stay the same).';
    const result = { ...makeRun('random', 'identity', 0, 0.5, 0.4), leak };
    w.send({ type: 'result', jobId: w.started[0].jobId, result });
    expect(experiments.store.getState().message).toBe(`random|identity|0: ${leak}`);
  });

  it('sends large data as copies made in slices, transferred, unless cancelled meanwhile', async () => {
    const count = Math.ceil(COPY_IN_SLICES_ABOVE / 3072);
    const pixels = new Uint8Array(count * 3072).fill(7);
    const big = { ...data, train: { count, pixels, labels: new Uint8Array(count) } };
    const transfers: Transferable[][] = [];
    const sent: ToExperimentWorker[] = [];
    const makeWorker = (): ExperimentWorkerLike => ({
      postMessage: (m, transfer = []) => {
        sent.push(m);
        transfers.push(transfer);
      },
      terminate: () => {},
      onmessage: null,
      onerror: null,
    });
    const store = createExperimentsStore({ db: memoryDb(), makeWorker, now: () => 1000 });
    await store.init();
    store.queue(spec, dataset, big);
    expect(sent).toEqual([]); // not in the click's own task
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    const start = sent[0] as Extract<ToExperimentWorker, { type: 'start' }>;
    const copy = start.data.train.pixels;
    expect(copy === pixels).toBe(false);
    expect(Buffer.from(copy).equals(Buffer.from(pixels))).toBe(true);
    expect(transfers[0][0] === copy.buffer).toBe(true);
    expect(pixels.byteLength).toBe(count * 3072); // the page keeps its own

    // Cancelled while its copy is being made: never sent.
    const other = createExperimentsStore({ db: memoryDb(), makeWorker, now: () => 2000 });
    await other.init();
    const id = other.queue(spec, dataset, big);
    other.cancel(id);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sent).toHaveLength(1);

    // A copy that cannot be made (no memory): the experiment fails with a message, nothing sent.
    const huge = { byteLength: pixels.byteLength, length: 2 ** 53 } as unknown as Uint8Array;
    const third = createExperimentsStore({ db: memoryDb(), makeWorker, now: () => 3000 });
    await third.init();
    third.queue(spec, dataset, { ...big, train: { ...big.train, pixels: huge } });
    await vi.waitFor(() => expect(third.store.getState().experiments[0].status).toBe('failed'));
    expect(third.store.getState().message).toMatch(/^the images could not be copied for training/);
    expect(sent).toHaveLength(1);
  });
});

describe('features across experiments', () => {
  it('hands the features one experiment computed to the next on the same images, not on others', async () => {
    const w = fakeWorkers();
    const experiments = createExperimentsStore({
      db: memoryDb(),
      makeWorker: () => w.make(),
      now: () => 1000,
    });
    await experiments.init();
    const fast: ExperimentSpec = { ...spec, config: { ...spec.config, mode: 'fast' } };
    experiments.queue(fast, dataset, data);
    expect(w.started[0].features).toBeUndefined();
    const features = {
      width: 2,
      train: new Float32Array([1, 2]),
      test: new Float32Array([3, 4]),
      seed: 0,
      timeMs: 5,
    };
    w.send({ type: 'features', jobId: w.started[0].jobId, features });
    w.send({ type: 'done', jobId: w.started[0].jobId });
    experiments.queue(fast, dataset, data);
    expect(w.started[1].features).toBe(features);
    // Other images (a new subset is new arrays): computed again.
    const other = { ...data, train: { ...data.train, pixels: new Uint8Array(0) } };
    w.send({ type: 'done', jobId: w.started[1].jobId });
    experiments.queue(fast, dataset, other);
    expect(w.started[2].features).toBeUndefined();
  });
});
