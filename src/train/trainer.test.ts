import type * as TF from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { trainEpochs } from './drive.ts';
import { loadNodeTf } from './node/nodeTf.ts';
import type { Pipeline } from './pipelines/pipeline.ts';
import { tinyInput } from './testing.ts';
import { createTrainer } from './trainer.ts';
import { type EpochReport, TrainingError } from './types.ts';

/** A run's last report, which a run that was not stopped always has. */
function finished<T>(report: T | null): T {
  if (report === null) throw new Error('the run stopped before it finished');
  return report;
}

let tf: typeof TF;
// Loading tfjs takes seconds on a busy machine.
beforeAll(async () => {
  tf = await loadNodeTf();
}, 120_000);

describe('createTrainer, fast mode (precomputed features)', { timeout: 120_000 }, () => {
  it('counts batches and epochs, and leaks no tensors', async () => {
    const baseline = tf.memory().numTensors;
    const trainer = createTrainer(tf, tinyInput({ epochs: 3 }));
    expect(trainer.batchesPerEpoch).toBe(3); // ceil(12 / 5)
    await trainer.prepare();
    const epochs: EpochReport[] = [];
    const batches: number[] = [];
    const last = finished(
      await trainEpochs(trainer, {
        onBatch: (r) => batches.push(r.epoch * 10 + r.batch),
        onEpoch: (r) => epochs.push(r),
      }),
    );
    expect(batches).toEqual([0, 1, 2, 10, 11, 12, 20, 21, 22]);
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);
    expect(trainer.done).toBe(true);
    // Adam's moment variables exist from the first step on; after that nothing grows.
    expect(epochs[1].numTensors).toBe(epochs[0].numTensors);
    expect(epochs[2].numTensors).toBe(epochs[0].numTensors);
    expect(last).toBe(epochs[2]);
    expect(last.embeddings.length).toBe(6 * 2);
    for (let i = 0; i < 6; i++) {
      expect(Math.hypot(last.embeddings[2 * i], last.embeddings[2 * i + 1])).toBeCloseTo(1, 5);
    }
    expect(last.confusion.reduce((a, b) => a + b, 0)).toBe(6);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
    await expect(trainer.trainBatch()).rejects.toThrow(/disposed/);
  });

  it('separates classes whose features differ clearly', async () => {
    const trainer = createTrainer(
      tf,
      tinyInput({ epochs: 30, hiddenUnits: 0, learningRate: 0.05 }),
    );
    const last = finished(await trainEpochs(trainer));
    trainer.dispose();
    expect(last.testAccuracy).toBe(1);
    expect(last.perClassAccuracy).toEqual([1, 1, 1]);
    expect(last.trainAccuracy).toBe(1);
  });

  it('repeats exactly from the same seed and differs for another', async () => {
    const losses = async (seed: number) => {
      const trainer = createTrainer(tf, tinyInput({ seed }));
      const out: number[] = [];
      await trainEpochs(trainer, { onBatch: (r) => out.push(r.loss) });
      trainer.dispose();
      return out;
    };
    const a = await losses(4);
    expect(await losses(4)).toEqual(a);
    expect(await losses(5)).not.toEqual(a);
  });

  it('refuses to train before prepare() and after the last epoch', async () => {
    const trainer = createTrainer(tf, tinyInput({ epochs: 1 }));
    await expect(trainer.trainBatch()).rejects.toThrow(/call prepare\(\) first/);
    await trainEpochs(trainer);
    await expect(trainer.trainBatch()).rejects.toThrow(/all 1 epochs ran/);
    trainer.dispose();
  });
});

describe('createTrainer, cnn mode', { timeout: 120_000 }, () => {
  it('trains a step end to end and frees everything', async () => {
    const baseline = tf.memory().numTensors;
    const input = tinyInput({ mode: 'cnn', epochs: 2, batchSize: 6 });
    const trainer = createTrainer(tf, { ...input, features: undefined });
    const epochs: EpochReport[] = [];
    await trainEpochs(trainer, { onEpoch: (r) => epochs.push(r) });
    expect(epochs.length).toBe(2);
    expect(epochs[1].numTensors).toBe(epochs[0].numTensors);
    expect(Number.isFinite(epochs[1].loss)).toBe(true);
    expect((await trainer.embedTrain()).length).toBe(12 * 2);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });
});

describe('NaN loss', { timeout: 120_000 }, () => {
  it('stops training with an explanation', async () => {
    const input = tinyInput();
    // A network whose output is NaN: the loss is NaN from the first step.
    const weight = tf.variable(tf.fill([8, 2], Number.NaN));
    const pipeline: Pipeline = {
      network: {
        variables: [weight],
        apply: (x) => tf.matMul(x as TF.Tensor2D, weight),
        dispose: () => weight.dispose(),
      },
      inferenceChunk: 100,
      prepare: async () => true,
      trainInput: (indices) =>
        tf.tensor2d(input.features?.train.slice(0, indices.length * 8) ?? [], [indices.length, 8]),
      rows: (_split, start, end) => tf.zeros([end - start, 8]),
      dispose: () => weight.dispose(),
    };
    const trainer = createTrainer(tf, input, pipeline);
    await trainer.prepare();
    const error = await trainer.trainBatch().catch((e) => e);
    expect(error).toBeInstanceOf(TrainingError);
    expect(error.message).toMatch(
      /the loss became NaN at epoch 1, batch 1: training diverged\. Lower the learning rate \(now 0\.01\) or raise tau \(now 0\.1\)/,
    );
    trainer.dispose();
  });
});

describe('bad input', { timeout: 120_000 }, () => {
  it('says what is wrong', () => {
    const input = tinyInput();
    expect(() => createTrainer(tf, { ...input, config: { ...input.config, epochs: 0 } })).toThrow(
      'epochs must be a whole number from 1 to 1000, got 0',
    );
    expect(() => createTrainer(tf, { ...input, classCount: 4 })).toThrow(
      'there are 4 classes but only 3 prototypes: every class needs its own prototype',
    );
    expect(() =>
      createTrainer(tf, {
        ...input,
        prototypes: { N: 3, n: 2, data: Float64Array.from([2, 0, 0, 1, 0, -1]) },
      }),
    ).toThrow('prototype 0 has length 2, but prototypes must be unit vectors');
    expect(() =>
      createTrainer(tf, {
        ...input,
        train: { ...input.train, labels: new Uint8Array(12).fill(3) },
      }),
    ).toThrow('training image 0 has label 3, but there are only 3 classes (labels 0 to 2)');
  });
});
