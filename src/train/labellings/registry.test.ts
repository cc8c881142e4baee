import type * as TF from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomLabelling } from '../../core/labelling/index.ts';
import { trainEpochs } from '../drive.ts';
import { loadNodeTf } from '../node/nodeTf.ts';
import { type Pipeline, SEED_STREAMS, subSeed } from '../pipelines/pipeline.ts';
import { createTrainer } from '../trainer.ts';
import { DEFAULT_TRAIN_CONFIG, type TrainInput } from '../types.ts';
import { DEFAULT_LABELLING_OPTIONS } from './options.ts';
import { LABELLING_NAMES, type LabellingName } from './registry.ts';

let tf: typeof TF;
beforeAll(async () => {
  tf = await loadNodeTf();
});

const deg = (a: number) => (a * Math.PI) / 180;
const unit = (a: number) => [Math.cos(deg(a)), Math.sin(deg(a))];

/**
 * A hand-checkable problem in R^2: three prototypes 120 degrees apart (at 0, 120 and 240
 * degrees) and three classes whose images all embed at 50, 10 and 200 degrees. The network
 * multiplies by a positive scalar, which does not move z = f/|f|: whatever training does, the
 * class means of z stay where they are put, so only the labelling decides.
 */
const PROTOTYPE_ANGLES = [0, 120, 240];
const CLASS_ANGLES = [50, 10, 200];

let made = 0;
function fixedEmbedding(): Pipeline {
  const rows = CLASS_ANGLES.flatMap(unit);
  const x = tf.tensor2d(rows, [3, 2]);
  made += 1;
  const scale = tf.tidy(() => tf.variable(tf.scalar(1), true, `fixed_scale_${made}`));
  return {
    network: {
      variables: [scale],
      apply: (input) => tf.mul(input, scale) as TF.Tensor2D,
      dispose: () => scale.dispose(),
    },
    inferenceChunk: 100,
    prepare: async () => true,
    trainInput: (indices) => tf.gather(x, tf.tensor1d(indices, 'int32')),
    rows: (_split, start, end) => tf.slice(x, [start, 0], [end - start, 2]),
    dispose: () => {
      x.dispose();
      scale.dispose();
    },
  };
}

function input(labelling: LabellingName, epochs: number): TrainInput {
  const split = { count: 3, pixels: new Uint8Array(3 * 3072), labels: Uint8Array.from([0, 1, 2]) };
  return {
    train: split,
    test: split,
    classCount: 3,
    prototypes: { N: 3, n: 2, data: Float64Array.from(PROTOTYPE_ANGLES.flatMap(unit)) },
    config: { ...DEFAULT_TRAIN_CONFIG, epochs, batchSize: 3, hiddenUnits: 0, labelling },
    labellingOptions: { ...DEFAULT_LABELLING_OPTIONS, warmupEpochs: 1 },
  };
}

/** Trains `labelling` on the fixed embedding to the end; the last epoch's report. */
async function outcome(labelling: LabellingName, epochs: number) {
  const trainer = createTrainer(tf, input(labelling, epochs), fixedEmbedding());
  try {
    const last = await trainEpochs(trainer);
    if (last === null) throw new Error('stopped');
    return last;
  } finally {
    trainer.dispose();
  }
}

describe('labellings chosen during training', () => {
  // By hand, score(class k, prototype j) = cos(class angle - prototype angle):
  //   class 0 (50):  cos 50 = 0.643, cos 70 = 0.342, cos 190 = -0.985
  //   class 1 (10):  cos 10 = 0.985, cos 110 = -0.342, cos 230 = -0.643
  //   class 2 (200): cos 200 = -0.940, cos 80 = 0.174, cos 40 = 0.766
  // Of the 6 assignments the best total is class 0 -> 1, 1 -> 0, 2 -> 2 (0.342 + 0.985 + 0.766
  // = 2.093; identity scores 0.643 - 0.342 + 0.766 = 1.067). Decoded with it, class 0 (at 50)
  // is nearer its neighbour's prototype at 0 (cos 50) than its own at 120 (cos 70): 2 of 3 right.
  it.each(['hungarian'] as const)(
    '%s after a warm-up picks the assignment worked out by hand',
    async (labelling) => {
      const last = await outcome(labelling, 2);
      expect(Array.from(last.assignment ?? [])).toEqual([1, 0, 2]);
      expect(last.testAccuracy).toBe(2 / 3);
      expect(last.perClassAccuracy).toEqual([0, 1, 1]);
    },
  );

  it('with fewer epochs than the warm-up, hungarian relabels after the last one', async () => {
    const trainer = createTrainer(
      tf,
      {
        ...input('hungarian', 1),
        labellingOptions: { ...DEFAULT_LABELLING_OPTIONS, warmupEpochs: 5 },
      },
      fixedEmbedding(),
    );
    const last = await trainEpochs(trainer);
    trainer.dispose();
    expect(Array.from(last?.assignment ?? [])).toEqual([1, 0, 2]);
  });

  it('hungarian-epoch picks it before the first step', async () => {
    const trainer = createTrainer(tf, input('hungarian-epoch', 1), fixedEmbedding());
    await trainer.prepare();
    const untrained = await trainer.evaluate();
    trainer.dispose();
    expect(Array.from(untrained.assignment ?? [])).toEqual([1, 0, 2]);
  });

  it('identity keeps class k on prototype k; class 1 (at 10) decodes as class 0', async () => {
    // Class 0 (at 50) is nearest prototype 0, class 1 (at 10) too, class 2 (at 200) prototype 2.
    const last = await outcome('identity', 1);
    expect(Array.from(last.assignment ?? [])).toEqual([0, 1, 2]);
    expect(last.perClassAccuracy).toEqual([1, 0, 1]);
  });

  it('random is the seeded permutation of the labelling seed stream', async () => {
    const last = await outcome('random', 1);
    const seed = subSeed(DEFAULT_TRAIN_CONFIG.seed, SEED_STREAMS.labelling);
    expect(Array.from(last.assignment ?? [])).toEqual(Array.from(randomLabelling(3, seed, 3)));
  });

  it('a learned Sinkhorn permutation ends at the same assignment', async () => {
    const last = await outcome('sinkhorn', 8);
    expect(Array.from(last.assignment ?? [])).toEqual([1, 0, 2]);
  }, 60_000);

  it('every labelling trains and leaves no tensors behind', async () => {
    for (const l of LABELLING_NAMES) {
      const before = tf.memory().numTensors;
      const last = await outcome(l, 3);
      expect(last.epoch, l).toBe(3);
      expect(new Set(last.assignment).size, l).toBe(3);
      expect(tf.memory().numTensors, l).toBe(before);
    }
  }, 60_000);
});

describe('labellings that cannot run on the data', () => {
  it('are refused before training with one sentence', () => {
    const wide = {
      ...input('sinkhorn', 1),
      prototypes: { N: 4, n: 2, data: Float64Array.from([1, 0, 0, 1, -1, 0, 0, -1]) },
    };
    expect(() => createTrainer(tf, wide)).toThrow(
      'The sinkhorn labelling learns a square permutation, so it needs as many prototypes as classes (N = 3), not N = 4.',
    );
    const noHierarchy = {
      ...input('structure', 1),
      labellingOptions: { ...DEFAULT_LABELLING_OPTIONS, structureSource: 'superclass' as const },
    };
    expect(() => createTrainer(tf, noHierarchy)).toThrow(
      'Structure from superclasses needs a dataset with superclasses (CIFAR-100); choose structure from data instead.',
    );
    expect(() =>
      createTrainer(tf, {
        ...input('identity', 1),
        config: { ...input('identity', 1).config, labelling: 'best' as LabellingName },
      }),
    ).toThrow('unknown labelling "best"');
  });
});
