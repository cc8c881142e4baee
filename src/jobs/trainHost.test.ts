import { describe, expect, it } from 'vitest';
import type { BackendSelection } from '../train/browser/choose.ts';
import type { TrainCheckpoint } from '../train/checkpoint.ts';
import {
  DEFAULT_TRAIN_CONFIG,
  type EpochReport,
  type FastFeatures,
  type TrainInput,
  TrainingError,
} from '../train/types.ts';
import { createTrainHost, type TrainerLike } from './trainHost.ts';
import type { FromTrainWorker } from './trainProtocol.ts';

const selection: BackendSelection = {
  name: 'webgl',
  reason: 'chosen by hand',
  probes: [{ name: 'webgl', kind: 'software', available: true, detail: 'SwiftShader' }],
  calibrated: false,
};

const input = (mode: 'fast' | 'cnn' = 'cnn', epochs = 2): TrainInput => ({
  train: { count: 6, pixels: new Uint8Array(6 * 3072), labels: new Uint8Array(6) },
  test: { count: 2, pixels: new Uint8Array(2 * 3072), labels: new Uint8Array(2) },
  classCount: 2,
  prototypes: { N: 2, n: 3, data: Float64Array.of(1, 0, 0, -1, 0, 0) },
  config: { ...DEFAULT_TRAIN_CONFIG, mode, epochs },
});

/** The fake time: a step takes a second, everything else 1 ms. */
let clock = 0;

/** A trainer with 3 batches an epoch whose loss halves each step; `failAt` throws NaN there. */
function fakeTrainer(epochs: number, options: { failAt?: number; hangAt?: number } = {}) {
  let steps = 0;
  const t = {
    batchesPerEpoch: 3,
    disposed: false,
    evaluations: 0,
    get done() {
      return steps >= epochs * 3;
    },
    get epoch() {
      return Math.floor(steps / 3);
    },
    /** Null until the first epoch ends, then [1, 0]: a relabelling, as hungarian's. */
    assignment: null as Int32Array | null,
    async embedTrain() {
      return new Float32Array(18);
    },
    /** The features it was given, or (as a real fast run) ones it computed in prepare(). */
    given: null as FastFeatures | null,
    made: null as FastFeatures | null,
    features(): FastFeatures | null {
      return t.given ?? t.made;
    },
    async prepare() {
      t.made ??= {
        width: 1,
        train: new Float32Array(6),
        test: new Float32Array(2),
        seed: 0,
        timeMs: 1,
      };
    },
    trainBatch() {
      if (steps === options.hangAt) return new Promise<never>(() => {});
      if (steps === options.failAt) {
        return Promise.reject(new TrainingError('the loss became NaN at step 2'));
      }
      const r = {
        epoch: Math.floor(steps / 3),
        batch: steps % 3,
        batchesPerEpoch: 3,
        loss: 2 ** -steps,
        imagesPerSecond: 10,
      };
      steps++;
      clock += 1000;
      if (steps === 3) t.assignment = Int32Array.of(1, 0);
      return Promise.resolve(r);
    },
    async evaluate(): Promise<EpochReport> {
      t.evaluations++;
      return {
        epoch: Math.floor(steps / 3),
        loss: 1,
        trainAccuracy: 0.5,
        testAccuracy: 0.5,
        perClassAccuracy: [0.5, 0.5],
        confusion: new Int32Array(4),
        embeddings: new Float32Array(6),
        predictions: new Int32Array(2),
        assignment: t.assignment,
        numTensors: 7,
        timeMs: 1,
      };
    },
    restoredFrom: null as TrainCheckpoint | null,
    async checkpoint(): Promise<TrainCheckpoint> {
      const values = Float32Array.of(steps);
      return {
        epoch: Math.floor(steps / 3),
        weights: [{ shape: [1], values }],
        moments: [],
        iterations: steps,
      };
    },
    async restore(checkpoint: TrainCheckpoint) {
      t.restoredFrom = checkpoint;
      steps = checkpoint.epoch * 3;
    },
    dispose() {
      t.disposed = true;
    },
  };
  return t;
}

function setup(trainer: TrainerLike | (() => TrainerLike)) {
  const posted: FromTrainWorker[] = [];
  let lose: (detail: string) => void = () => {};
  const host = createTrainHost({
    post: (m) => posted.push(m),
    now: () => (clock += 1),
    yieldToInbox: () => new Promise((r) => setTimeout(r, 0)),
    selectBackend: async () => selection,
    createTrainer: () => (typeof trainer === 'function' ? trainer() : trainer),
    watchDevice: (_backend, onLost) => {
      lose = onLost;
      return () => {};
    },
    loseDevice: () => {
      lose('destroyed on purpose');
      return true;
    },
    isTrainingError: (e) => e instanceof TrainingError,
  });
  const types = () => posted.map((m) => m.type);
  const batches = () => posted.filter((m) => m.type === 'batch').length;
  return { host, posted, types, batches };
}

/** Lets the host run until it waits on something that never comes. */
const settle = async () => {
  for (let i = 0; i < 50; i++) await new Promise((r) => setTimeout(r, 0));
};

describe('training host', () => {
  it('trains to the end: a batch message per step, an evaluation per epoch, then done', async () => {
    const trainer = fakeTrainer(2);
    const { host, posted, types, batches } = setup(trainer);
    host.handle({ type: 'start', jobId: 1, input: input(), backend: 'webgl' });
    await settle();
    expect(types()[0]).toBe('backend');
    expect(posted.find((m) => m.type === 'backend')).toMatchObject({ selection });
    expect(batches()).toBe(6);
    const epochs = posted.filter((m) => m.type === 'epoch');
    expect(epochs.map((m) => (m.type === 'epoch' ? m.report.epoch : -1))).toEqual([1, 2]);
    // Each epoch message follows the epoch's last batch (and the assignment it decoded with).
    const idx = posted.findIndex((m) => m.type === 'epoch');
    expect(posted[idx - 2]).toMatchObject({ type: 'batch', report: { batch: 2 } });
    expect(posted[idx - 1]).toMatchObject({ type: 'assignment' });
    expect(types().at(-1)).toBe('done');
    expect(trainer.disposed).toBe(true);
    // A checkpoint after every epoch but the last (nothing is left to go on with after that).
    const checkpoints = posted.filter((m) => m.type === 'checkpoint');
    expect(checkpoints).toHaveLength(1);
    expect(checkpoints[0]).toMatchObject({ checkpoint: { epoch: 1, iterations: 3 } });
    expect(posted[posted.indexOf(checkpoints[0]) - 1]).toMatchObject({ type: 'epoch' });
  });

  it('tells the page each new assignment the trainer reports, before the epoch that decodes with it', async () => {
    const trainer = fakeTrainer(2);
    const { host, posted } = setup(trainer);
    host.handle({ type: 'start', jobId: 1, input: input('fast', 2), backend: 'cpu' });
    await settle();
    const i = posted.findIndex((m) => m.type === 'assignment');
    expect(posted[i]).toMatchObject({ type: 'assignment', assignment: Int32Array.of(1, 0) });
    // Once (it never changes again), right before the first epoch's report.
    expect(posted.filter((m) => m.type === 'assignment')).toHaveLength(1);
    expect(posted[i + 1]).toMatchObject({ type: 'epoch', report: { epoch: 1 } });
  });

  it('reuses the last fast-mode features for the same images, and only for them', async () => {
    const given: (FastFeatures | undefined)[] = [];
    const trainers: ReturnType<typeof fakeTrainer>[] = [];
    const posted: FromTrainWorker[] = [];
    const host = createTrainHost({
      post: (m) => posted.push(m),
      now: () => (clock += 1),
      yieldToInbox: () => new Promise((r) => setTimeout(r, 0)),
      selectBackend: async () => selection,
      createTrainer: (i) => {
        given.push(i.features);
        const t = fakeTrainer(1);
        t.given = i.features ?? null;
        trainers.push(t);
        return t;
      },
      watchDevice: () => () => {},
      loseDevice: () => false,
      isTrainingError: (e) => e instanceof TrainingError,
    });
    const same = input('fast', 1);
    const other = { ...same, train: { ...same.train, pixels: new Uint8Array(6 * 3072).fill(1) } };
    for (const [jobId, i] of [
      [1, same],
      [2, same],
      [3, other],
      [4, input('cnn', 1)],
    ] as const) {
      host.handle({ type: 'start', jobId, input: i, backend: 'cpu' });
      await settle();
    }
    // The first run computes; the second gets exactly those; new images and cnn mode do not.
    expect(given[0]).toBeUndefined();
    expect(given[1]).toBe(trainers[0].made);
    expect(given[2]).toBeUndefined();
    expect(given[3]).toBeUndefined();
    const statuses = posted.flatMap((m) => (m.type === 'status' && m.jobId === 2 ? [m.text] : []));
    expect(statuses).toContain('Using the features of the last run on these images…');
  });

  it('goes on from a checkpoint: restored before the first step, the remaining epochs only', async () => {
    const trainer = fakeTrainer(3);
    const { host, posted, batches } = setup(trainer);
    const resume: TrainCheckpoint = { epoch: 2, weights: [], moments: [], iterations: 6 };
    host.handle({ type: 'start', jobId: 1, input: input('fast', 3), backend: 'cpu', resume });
    await settle();
    expect(trainer.restoredFrom).toBe(resume);
    expect(batches()).toBe(3);
    expect(posted.find((m) => m.type === 'live')).toMatchObject({ live: { epoch: 2, batch: 0 } });
    expect(posted).toContainEqual({
      type: 'status',
      jobId: 1,
      text: 'Training (going on after epoch 2)',
    });
    const epochs = posted.filter((m) => m.type === 'epoch');
    expect(epochs.map((m) => (m.type === 'epoch' ? m.report.epoch : -1))).toEqual([3]);
    expect(posted.at(-1)).toMatchObject({ type: 'done' });
  });

  it('pauses between steps, steps exactly one batch at a time, and resumes', async () => {
    const trainer = fakeTrainer(2);
    const { host, posted, batches } = setup(trainer);
    host.handle({ type: 'start', jobId: 1, input: input(), backend: 'webgl', paused: true });
    await settle();
    expect(batches()).toBe(0);
    expect(posted.some((m) => m.type === 'paused' && m.paused)).toBe(true);
    host.handle({ type: 'step', jobId: 1 });
    await settle();
    expect(batches()).toBe(1);
    host.handle({ type: 'step', jobId: 1 });
    host.handle({ type: 'step', jobId: 1 });
    await settle();
    expect(batches()).toBe(3);
    // A step ending the epoch is followed by its evaluation.
    expect(posted.filter((m) => m.type === 'epoch')).toHaveLength(1);
    host.handle({ type: 'pause', jobId: 2 }); // another run's message: ignored
    host.handle({ type: 'resume', jobId: 1 });
    await settle();
    expect(batches()).toBe(6);
    expect(posted.at(-1)?.type).toBe('done');
  });

  it('stops after the step in progress and frees the trainer', async () => {
    const trainer = fakeTrainer(50);
    const { host, posted, batches } = setup(trainer);
    host.handle({ type: 'start', jobId: 1, input: input(), backend: 'webgl' });
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
    host.handle({ type: 'stop', jobId: 1 });
    const stoppedAt = batches();
    await settle();
    expect(batches()).toBe(stoppedAt);
    expect(posted.at(-1)).toEqual({ type: 'stopped', jobId: 1 });
    expect(trainer.disposed).toBe(true);
  });

  it('reports a NaN loss as a training error in the library’s words', async () => {
    const trainer = fakeTrainer(2, { failAt: 2 });
    const { host, posted, batches } = setup(trainer);
    host.handle({ type: 'start', jobId: 1, input: input(), backend: 'webgl' });
    await settle();
    expect(batches()).toBe(2);
    expect(posted.at(-1)).toMatchObject({
      type: 'error',
      kind: 'training',
      message: 'the loss became NaN at step 2',
    });
    expect(trainer.disposed).toBe(true);
  });

  it('reports input the trainer refuses as an input error', async () => {
    const { host, posted } = setup(() => {
      throw new TrainingError('there are 10 classes but only 4 prototypes');
    });
    host.handle({ type: 'start', jobId: 3, input: input(), backend: 'webgl' });
    await settle();
    expect(posted.at(-1)).toMatchObject({ type: 'error', jobId: 3, kind: 'input' });
  });

  it('reports a lost device even while a step never returns', async () => {
    const trainer = fakeTrainer(2, { hangAt: 1 });
    const { host, posted, batches } = setup(trainer);
    host.handle({ type: 'start', jobId: 1, input: input(), backend: 'webgl' });
    await settle();
    expect(batches()).toBe(1);
    host.handle({ type: 'lose-device', jobId: 1 });
    await settle();
    const error = posted.at(-1);
    expect(error).toMatchObject({ type: 'error', kind: 'device-lost', backend: 'webgl' });
    expect(error?.type === 'error' && error.message).toMatch(
      /^The WebGL device was lost \(destroyed on purpose\).*another backend/,
    );
    expect(trainer.disposed).toBe(true);
  });

  it('reports a device lost while paused at once', async () => {
    const trainer = fakeTrainer(2);
    const { host, posted } = setup(trainer);
    host.handle({ type: 'start', jobId: 1, input: input(), backend: 'webgl', paused: true });
    await settle();
    host.handle({ type: 'lose-device', jobId: 1 });
    await settle();
    expect(posted.filter((m) => m.type === 'error')).toHaveLength(1);
    expect(posted.at(-1)).toMatchObject({ type: 'error', kind: 'device-lost' });
    expect(trainer.disposed).toBe(true);
  });

  it('shows where the embeddings start in fast mode, and moves them between epochs', async () => {
    const trainer = fakeTrainer(1);
    const { host, posted } = setup(trainer);
    host.handle({ type: 'start', jobId: 1, input: input('fast', 1), backend: 'webgl' });
    await settle();
    const live = posted.filter((m) => m.type === 'live');
    expect(live[0]).toMatchObject({ live: { epoch: 0, batch: 0 } });
    // Steps take a second and evaluations a millisecond: one after each mid-epoch step.
    expect(live).toHaveLength(3);
    expect(trainer.evaluations).toBe(4);
  });
});
