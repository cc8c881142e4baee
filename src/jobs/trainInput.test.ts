import { describe, expect, it } from 'vitest';
import { createCodebook } from '../core/math/codebook.ts';
import type { CifarSubset, SubsetSplit } from '../data/subset.ts';
import { DEFAULT_TRAIN_CONFIG } from '../train/types.ts';
import { buildTrainInput } from './trainInput.ts';

const split = (count: number, K: number): SubsetSplit => ({
  count,
  labels: Uint8Array.from({ length: count }, (_, i) => i % K),
  coarseLabels: null,
  pixels: new Uint8Array(count * 3072),
  sourceIndex: Int32Array.from({ length: count }, (_, i) => i),
});

const subset = (K: number, test = 4): CifarSubset => ({
  format: 'cifar10',
  classNames: ['cat', 'dog', 'ship'].slice(0, K),
  sourceClasses: [3, 5, 8].slice(0, K),
  train: split(6, K),
  test: split(test, K),
  request: { classes: { kind: 'all' }, trainPerClass: 'all', testPerClass: 'all', seed: 0 },
});

const codebook = (N: number) =>
  createCodebook(
    N,
    2,
    Float64Array.from({ length: N * 2 }, (_, i) => (i % 2 === 0 ? Math.cos(i) : Math.sin(i - 1))),
  );

describe('what the training panel trains', () => {
  it('says how to get data when none is loaded', () => {
    const r = buildTrainInput(null, codebook(3), DEFAULT_TRAIN_CONFIG);
    expect(r.ok === false && r.problem).toMatch(/^No training data yet: load CIFAR-10/);
  });

  it('needs test images and at least as many prototypes as classes', () => {
    const noTest = buildTrainInput(subset(3, 0), codebook(3), DEFAULT_TRAIN_CONFIG);
    expect(noTest.ok === false && noTest.problem).toMatch(/no test images/);
    const few = buildTrainInput(subset(3), codebook(2), DEFAULT_TRAIN_CONFIG);
    expect(few.ok === false && few.problem).toBe(
      'There are 3 classes but only N = 2 prototypes: every class needs its own. Set N to at least 3 in the prototype controls, or choose fewer classes in the Data panel.',
    );
  });

  it('pairs the subset with the explorer’s prototypes', () => {
    const cb = codebook(4);
    const r = buildTrainInput(subset(3), cb, DEFAULT_TRAIN_CONFIG);
    if (!r.ok) throw new Error(r.problem);
    expect(r.classNames).toEqual(['cat', 'dog', 'ship']);
    expect(r.input.classCount).toBe(3);
    expect(r.input.train.count).toBe(6);
    expect(r.input.test.labels).toEqual(Uint8Array.of(0, 1, 2, 0));
    expect(r.input.prototypes).toMatchObject({ N: 4, n: 2 });
    expect(Array.from(r.input.prototypes.data)).toEqual(Array.from(cb.data));
  });
});
