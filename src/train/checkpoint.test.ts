import type * as TF from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeTf } from './node/nodeTf.ts';
import { tinyInput } from './testing.ts';
import { createTrainer, type Trainer } from './trainer.ts';
import type { TrainConfig } from './types.ts';

let tf: typeof TF;
beforeAll(async () => {
  tf = await loadNodeTf();
}, 120_000);

/** Runs whole epochs, returning the losses of every step. */
async function trainEpochs(trainer: Trainer, epochs: number): Promise<number[]> {
  const losses: number[] = [];
  for (let i = 0; i < epochs * trainer.batchesPerEpoch; i++) {
    losses.push((await trainer.trainBatch()).loss);
  }
  return losses;
}

/** A run of `total` epochs straight through, and the same run cut after `cut` and restored. */
async function straightAndResumed(config: Partial<TrainConfig>, total: number, cut: number) {
  const straight = createTrainer(tf, tinyInput({ ...config, epochs: total }));
  await straight.prepare();
  const straightLosses = await trainEpochs(straight, total);
  const straightEnd = await straight.checkpoint();
  straight.dispose();

  const first = createTrainer(tf, tinyInput({ ...config, epochs: total }));
  await first.prepare();
  const firstLosses = await trainEpochs(first, cut);
  const saved = await first.checkpoint();
  first.dispose(); // as a lost device would take it away

  const baseline = tf.memory().numTensors;
  const second = createTrainer(tf, tinyInput({ ...config, epochs: total }));
  await second.prepare();
  await second.restore(saved);
  expect(second.epoch).toBe(cut);
  const secondLosses = await trainEpochs(second, total - cut);
  expect(second.done).toBe(true);
  const resumedEnd = await second.checkpoint();
  second.dispose();
  expect(tf.memory().numTensors).toBe(baseline);
  return {
    straightLosses,
    straightEnd,
    resumedLosses: [...firstLosses, ...secondLosses],
    resumedEnd,
  };
}

function maxDifference(
  a: readonly { values: Float32Array }[],
  b: readonly { values: Float32Array }[],
) {
  expect(a.length).toBe(b.length);
  let worst = 0;
  a.forEach((t, i) => {
    expect(t.values.length).toBe(b[i].values.length);
    t.values.forEach((x, j) => {
      worst = Math.max(worst, Math.abs(x - b[i].values[j]));
    });
  });
  return worst;
}

describe('checkpoints', { timeout: 120_000 }, () => {
  it('fast mode: a run restored after epoch 2 goes on as if never interrupted', async () => {
    const r = await straightAndResumed({}, 4, 2);
    expect(r.resumedEnd.epoch).toBe(4);
    expect(r.resumedEnd.iterations).toBe(4 * 3);
    expect(r.resumedEnd.moments).toHaveLength(2 * r.resumedEnd.weights.length);
    // Same shuffles and the same Adam state: the losses agree to rounding (Adam's bias
    // correction is recomputed as a power after a restore, not accumulated step by step).
    r.resumedLosses.forEach((loss, i) => {
      expect(loss).toBeCloseTo(r.straightLosses[i], 5);
    });
    expect(maxDifference(r.resumedEnd.weights, r.straightEnd.weights)).toBeLessThan(1e-5);
  });

  it('cnn mode: the augmentation after the cut is the uninterrupted run’s too', async () => {
    const r = await straightAndResumed({ mode: 'cnn', batchSize: 6 }, 3, 1);
    r.resumedLosses.forEach((loss, i) => {
      expect(loss).toBeCloseTo(r.straightLosses[i], 4);
    });
    expect(maxDifference(r.resumedEnd.weights, r.straightEnd.weights)).toBeLessThan(1e-4);
  });

  it.each(['hungarian', 'hungarian-epoch', 'sinkhorn', 'autoshuffle'] as const)(
    'the %s labelling goes on as if never interrupted (its assignment and own variables too)',
    async (labelling) => {
      const r = await straightAndResumed({ labelling }, 3, 1);
      expect(Array.from(r.resumedEnd.assignment ?? [])).toEqual(
        Array.from(r.straightEnd.assignment ?? []),
      );
      r.resumedLosses.forEach((loss, i) => {
        expect(loss).toBeCloseTo(r.straightLosses[i], 5);
      });
      expect(maxDifference(r.resumedEnd.weights, r.straightEnd.weights)).toBeLessThan(1e-5);
      if (r.straightEnd.targets) {
        expect(
          maxDifference(r.resumedEnd.targets?.weights ?? [], r.straightEnd.targets.weights),
        ).toBeLessThan(1e-5);
      }
    },
  );

  it('carries the class -> prototype assignment, and refuses one that is not a permutation', async () => {
    const trainer = createTrainer(tf, tinyInput({ epochs: 2, labelling: 'random' }));
    await trainer.prepare();
    const saved = await trainer.checkpoint();
    expect(Array.from(saved.assignment ?? [])).toEqual(Array.from(trainer.assignment ?? []));
    trainer.dispose();
    const other = createTrainer(tf, tinyInput({ epochs: 2, labelling: 'identity' }));
    await other.prepare();
    await other.restore({ ...saved, assignment: Int32Array.of(2, 0, 1) });
    expect(Array.from(other.assignment ?? [])).toEqual([2, 0, 1]);
    const third = createTrainer(tf, tinyInput({ epochs: 2 }));
    await third.prepare();
    await expect(third.restore({ ...saved, assignment: Int32Array.of(0, 0, 1) })).rejects.toThrow(
      /prototype 0 is assigned to two classes/,
    );
    other.dispose();
    third.dispose();
  });

  it('a checkpoint before the first step restores to the untrained start', async () => {
    const trainer = createTrainer(tf, tinyInput({ epochs: 2 }));
    await trainer.prepare();
    const start = await trainer.checkpoint();
    expect(start).toMatchObject({ epoch: 0, iterations: 0, moments: [] });
    const other = createTrainer(tf, tinyInput({ epochs: 2, seed: 9 }));
    await other.prepare();
    await other.restore(start);
    expect(maxDifference((await other.checkpoint()).weights, start.weights)).toBe(0);
    trainer.dispose();
    other.dispose();
  });

  it('refuses a checkpoint mid-epoch, after a step, or from another model', async () => {
    const trainer = createTrainer(tf, tinyInput({ epochs: 2 }));
    await trainer.prepare();
    const saved = await trainer.checkpoint();
    await trainer.trainBatch();
    await expect(trainer.checkpoint()).rejects.toThrow(/between epochs/);
    await expect(trainer.restore(saved)).rejects.toThrow(/before the first step/);
    trainer.dispose();

    const wider = createTrainer(tf, tinyInput({ epochs: 2, hiddenUnits: 7 }));
    await wider.prepare();
    await expect(wider.restore(saved)).rejects.toThrow(/does not fit this model/);
    // Nothing changed: it still trains from its own start.
    expect(wider.epoch).toBe(0);
    await wider.trainBatch();
    wider.dispose();

    const short = createTrainer(tf, tinyInput({ epochs: 1 }));
    await short.prepare();
    await expect(short.restore({ ...saved, epoch: 2 })).rejects.toThrow(/only 1 epochs/);
    short.dispose();
  });
});
