import type * as TF from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalisedClassMeans } from '../../core/labelling/classMeanAssignment.ts';
import { trainEpochs, trainStep } from '../drive.ts';
import { loadNodeTf } from '../node/nodeTf.ts';
import { TRIANGLE, tinyInput } from '../testing.ts';
import { createTrainer } from '../trainer.ts';
import type { EpochReport } from '../types.ts';
import { classMeanRelabelling } from './registry.ts';

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

describe('Hungarian relabelling', { timeout: 120_000 }, () => {
  it('picks the assignment with the largest sum of <class mean, prototype> (checked against all 6)', async () => {
    const input = tinyInput({ epochs: 1 });
    const trainer = createTrainer(tf, input);
    await trainEpochs(trainer);
    const { assignment, score } = await classMeanRelabelling({
      input,
      embedTrain: () => trainer.embedTrain(),
    });
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

  it('hungarian relabels once, after the warm-up epoch, before its evaluation', async () => {
    const input = tinyInput({ epochs: 3, labelling: 'hungarian' });
    const trainer = createTrainer(tf, input);
    await trainer.prepare();
    const reports: EpochReport[] = [];
    let expected: Int32Array | null = null;
    while (!trainer.done) {
      const { batch, epoch } = await trainStep(trainer, {});
      // In the warm-up the classes train towards free directions: no assignment yet.
      if (batch.epoch === 0 && batch.batch === batch.batchesPerEpoch - 2) {
        expect(trainer.assignment).toBeNull();
      }
      if (epoch) reports.push(epoch);
      if (epoch?.epoch === 1) {
        // What the class means of the model after epoch 1 ask for.
        const fresh = await classMeanRelabelling({ input, embedTrain: () => trainer.embedTrain() });
        expected = fresh.assignment;
      }
    }
    trainer.dispose();
    const told = reports.map((r) => Array.from(r.assignment ?? []));
    expect(told[0]).toEqual(Array.from(expected ?? []));
    expect(told[1]).toEqual(told[0]);
    expect(told[2]).toEqual(told[0]);
  });
});
