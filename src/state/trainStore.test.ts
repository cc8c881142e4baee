import { describe, expect, it } from 'vitest';
import type { TrainEvent } from '../jobs/trainClient.ts';
import { DEFAULT_TRAIN_CONFIG } from '../train/types.ts';
import { createLabStore } from './labStore.ts';
import { epochReport, fakeRunner, tinyTrainInput as input } from './testing/fakeTrainJobs.ts';
import { createTrainStores, leakOf } from './trainStore.ts';
import { applyHash, stateHash } from './urlSync.ts';

const batch = (epoch: number, b: number, loss: number): TrainEvent => ({
  type: 'batch',
  jobId: 1,
  report: { epoch, batch: b, batchesPerEpoch: 2, loss, imagesPerSecond: 100 },
  stepMs: 20,
});

describe('training store', () => {
  it('keeps settings within the library’s limits', () => {
    const { store } = createTrainStores(() => fakeRunner().runner);
    store.getState().setSettings({ epochs: 0, batchSize: 12.6, learningRate: -1, tau: Number.NaN });
    expect(store.getState().settings).toMatchObject({
      epochs: 1,
      batchSize: 13,
      learningRate: 1e-6,
      tau: DEFAULT_TRAIN_CONFIG.tau,
    });
  });

  it('follows a run: batches to the live store, epochs to the curves, then done', () => {
    const fake = fakeRunner();
    const { store, live } = createTrainStores(() => fake.runner);
    store.getState().setSettings({ backend: 'webgl', epochs: 2 });
    store.getState().start(input, ['a', 'b']);
    expect(fake.calls[0]).toEqual({
      what: 'start',
      options: { backend: 'webgl', known: undefined, paused: false, freshWorker: undefined },
    });
    expect(store.getState().phase).toBe('starting');
    fake.emit(batch(0, 0, 2));
    fake.emit(batch(0, 1, 1.5));
    expect(store.getState().phase).toBe('training');
    expect(live.getState().batchX).toEqual([0.5, 1]);
    expect(live.getState().batchLoss).toEqual([2, 1.5]);
    fake.emit({ type: 'epoch', jobId: 1, report: epochReport(1, 40) });
    fake.emit({ type: 'epoch', jobId: 1, report: epochReport(2, 40) });
    expect(store.getState().epochs.map((e) => e.testAccuracy)).toEqual([0.4, 0.5]);
    expect(store.getState().leak).toBeNull();
    expect(live.getState().embeddingsAt).toEqual({ epoch: 2, batch: 0 });
    fake.emit({ type: 'done', jobId: 1, epochs: 2 });
    expect(store.getState().phase).toBe('done');
  });

  it('records the feature pass when it finishes: images, time and the backend it ran on', () => {
    const fake = fakeRunner();
    const { store } = createTrainStores(() => fake.runner);
    store.getState().start(input, ['a', 'b']);
    fake.emit({ type: 'prepare', jobId: 1, done: 0, total: 6 });
    fake.emit({ type: 'prepare', jobId: 1, done: 4, total: 6, backend: 'wasm' });
    expect(store.getState().prepare).toEqual({ done: 4, total: 6 });
    expect(store.getState().features).toBeNull();
    fake.emit({ type: 'prepare', jobId: 1, done: 6, total: 6, backend: 'wasm' });
    expect(store.getState().features).toMatchObject({ images: 6, backend: 'wasm' });
    expect(store.getState().features?.ms).toBeGreaterThanOrEqual(0);
    // A new run forgets the old pass.
    store.getState().start(input, ['a', 'b']);
    expect(store.getState().features).toBeNull();
  });

  it('says when the tensor count grows between epochs', () => {
    const fake = fakeRunner();
    const { store } = createTrainStores(() => fake.runner);
    store.getState().start(input, ['a', 'b']);
    fake.emit({ type: 'epoch', jobId: 1, report: epochReport(1, 40) });
    fake.emit({ type: 'epoch', jobId: 1, report: epochReport(2, 52) });
    expect(store.getState().leak).toBe(
      'Memory leak: 40 tensors after epoch 1, 52 after epoch 2 (the count should stay the same).',
    );
    expect(leakOf(store.getState().epochs.slice(0, 1))).toBeNull();
  });

  it('offers another backend after a lost device, in a fresh worker, and ignores the old run', () => {
    const fake = fakeRunner();
    const { store, live } = createTrainStores(() => fake.runner);
    store.getState().start(input, ['a', 'b']);
    fake.emit({ type: 'error', jobId: 1, kind: 'device-lost', message: 'lost', backend: 'webgl' });
    expect(store.getState()).toMatchObject({
      phase: 'error',
      error: { kind: 'device-lost', backend: 'webgl' },
    });
    store.getState().continueOn('cpu');
    expect(fake.calls.at(-1)).toMatchObject({
      what: 'start',
      options: { backend: 'cpu', freshWorker: true },
    });
    expect(store.getState().settings.backend).toBe('cpu');
    expect(store.getState().phase).toBe('starting');
    fake.emit(batch(0, 0, 9), 1); // a late message of the lost run
    expect(live.getState().batchLoss).toEqual([]);
    fake.emit(batch(0, 0, 3));
    expect(live.getState().batchLoss).toEqual([3]);
  });

  it('goes on after a lost device from the newest checkpoint, keeping the curves up to it', () => {
    const fake = fakeRunner();
    const { store, live } = createTrainStores(() => fake.runner);
    store.getState().start(input, ['a', 'b']);
    fake.emit(batch(0, 0, 5));
    fake.emit({ type: 'epoch', jobId: 1, report: epochReport(1, 40) });
    const saved = { epoch: 1, weights: [], moments: [], iterations: 4 };
    fake.emit({ type: 'checkpoint', jobId: 1, checkpoint: saved });
    expect(store.getState().savedEpoch).toBe(1);
    fake.emit(batch(1, 0, 4));
    fake.emit({ type: 'error', jobId: 1, kind: 'device-lost', message: 'lost', backend: 'webgl' });
    store.getState().continueOn('cpu');
    expect(fake.calls.at(-1)).toMatchObject({
      what: 'start',
      options: { backend: 'cpu', freshWorker: true, resume: saved },
    });
    // Epoch 1 and its batches stay; the half-done epoch 2 is dropped and trained again.
    expect(store.getState().epochs.map((p) => p.epoch)).toEqual([1]);
    expect(live.getState().batchLoss).toEqual([5]);
    // The new backend is its own tensor-count reference: a different count is not a leak.
    fake.emit({ type: 'epoch', jobId: 2, report: epochReport(2, 30) });
    fake.emit({ type: 'epoch', jobId: 2, report: epochReport(3, 30) });
    expect(store.getState().leak).toBeNull();
    expect(store.getState().epochs.map((p) => p.epoch)).toEqual([1, 2, 3]);
  });

  it('takes the labelling’s assignment into the run, and says so when it changes', () => {
    const fake = fakeRunner();
    const { store } = createTrainStores(() => fake.runner);
    store.getState().start(input, ['a', 'b']);
    const status = store.getState().status;
    // Where the labelling starts: taken in, nothing to announce.
    fake.emit({ type: 'assignment', jobId: 1, assignment: Int32Array.of(0, 1) });
    expect(Array.from(store.getState().run?.input.assignment ?? [])).toEqual([0, 1]);
    expect(store.getState().status).toBe(status);
    // A relabelling: the views decode with it, and the status says so.
    fake.emit({ type: 'assignment', jobId: 1, assignment: Int32Array.of(1, 0) });
    expect(Array.from(store.getState().run?.input.assignment ?? [])).toEqual([1, 0]);
    expect(store.getState().status).toBe(
      'Relabelled: some classes now train toward other prototypes',
    );
  });

  it('steps from nothing by starting paused, and reset forgets the run', () => {
    const fake = fakeRunner();
    const { store, live } = createTrainStores(() => fake.runner);
    store.getState().step(input, ['a', 'b']);
    expect(fake.calls.map((c) => c.what)).toEqual(['start', 'step']);
    expect(fake.calls[0].options).toMatchObject({ paused: true });
    fake.emit({ type: 'paused', jobId: 1, paused: true });
    expect(store.getState().phase).toBe('paused');
    fake.emit(batch(0, 0, 2));
    store.getState().reset();
    expect(fake.calls.at(-1)?.what).toBe('stop');
    expect(store.getState()).toMatchObject({ phase: 'idle', run: null, epochs: [] });
    expect(live.getState().batchLoss).toEqual([]);
    fake.emit({ type: 'stopped', jobId: 1 });
    expect(store.getState().phase).toBe('idle');
  });

  it('reads and writes its settings in the link as train.*', () => {
    const { store } = createTrainStores(() => fakeRunner().runner);
    const lab = createLabStore();
    applyHash(lab, '#N=4&train.epochs=5&train.lr=0.01&train.tau=-3&train.backend=webgl', store);
    expect(store.getState().settings).toMatchObject({
      epochs: 5,
      learningRate: 0.01,
      tau: 0.001,
      backend: 'webgl',
      mode: 'fast',
    });
    expect(lab.getState().notices).toEqual([
      'train.tau: -3 is below the minimum; using 0.001 (range 0.001 to 100).',
    ]);
    expect(stateHash(lab.getState(), store.getState().settings)).toMatch(
      /&train\.epochs=5&train\.lr=0\.01&train\.tau=0\.001&train\.backend=webgl&opt\.steps=2000$/,
    );
  });
});
