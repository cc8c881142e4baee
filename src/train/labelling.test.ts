import type * as TF from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalisedClassMeans } from '../core/labelling/classMeanAssignment.ts';
import { classMeanRelabelling, initialAssignment, trainWithLabelling } from './labelling.ts';
import { loadNodeTf } from './node/nodeTf.ts';
import { TRIANGLE, tinyInput } from './testing.ts';
import { createTrainer, trainToEnd } from './trainer.ts';

let tf: typeof TF;
// Loading tfjs takes seconds on a busy machine.
beforeAll(async () => {
  tf = await loadNodeTf();
}, 120_000);

const PERMUTATIONS = [
  [0, 1, 2],
  [0, 2, 1],
  [1, 0, 2],
  [1, 2, 0],
  [2, 0, 1],
  [2, 1, 0],
];

describe('initialAssignment', () => {
  it('is the identity for identity and hungarian, a seeded injection for random', () => {
    expect(Array.from(initialAssignment('identity', 3, 5, 1))).toEqual([0, 1, 2]);
    expect(Array.from(initialAssignment('hungarian', 3, 5, 1))).toEqual([0, 1, 2]);
    const a = initialAssignment('random', 3, 5, 1);
    expect(Array.from(initialAssignment('random', 3, 5, 1))).toEqual(Array.from(a));
    expect(new Set(a).size).toBe(3);
    expect(Array.from(a).every((p) => p >= 0 && p < 5)).toBe(true);
  });
});

describe('Hungarian relabelling', { timeout: 120_000 }, () => {
  it('picks the assignment with the largest sum of <class mean, prototype> (checked against all 6)', async () => {
    const input = tinyInput({ epochs: 1 });
    const trainer = createTrainer(tf, input);
    await trainToEnd(trainer);
    const { assignment, score } = await classMeanRelabelling(trainer, input);
    const means = normalisedClassMeans(await trainer.embedTrain(), input.train.labels, 3, 2);
    const total = (p: readonly number[]) =>
      p.reduce(
        (s, proto, k) =>
          s +
          means[2 * k] * TRIANGLE.data[2 * proto] +
          means[2 * k + 1] * TRIANGLE.data[2 * proto + 1],
        0,
      );
    const best = Math.max(...PERMUTATIONS.map(total));
    expect(total(Array.from(assignment))).toBeCloseTo(best, 12);
    expect(score).toBeCloseTo(best, 12);
    trainer.dispose();
  });

  it('relabels once, after the warm-up epoch, and trains on with the new assignment', async () => {
    const input = tinyInput({ epochs: 3 });
    const trainer = createTrainer(tf, input);
    const events: string[] = [];
    let relabelled: Int32Array | null = null;
    const last = await trainWithLabelling(trainer, input, 'hungarian', {
      onRelabel: (a) => {
        relabelled = a;
        events.push(`relabel after ${trainer.epoch}`);
      },
      onEpoch: (r) => events.push(`epoch ${r.epoch}`),
    });
    expect(events).toEqual(['relabel after 1', 'epoch 1', 'epoch 2', 'epoch 3']);
    expect(Array.from(trainer.assignment)).toEqual(Array.from(relabelled as unknown as Int32Array));
    expect(last.epoch).toBe(3);
    trainer.dispose();
  });
});
