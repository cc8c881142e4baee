import { describe, expect, it } from 'vitest';
import { createCodebook, fromRows, gaussianRows } from '../math/codebook.ts';
import { createRandom } from '../math/random.ts';
import { bruteForceOptimum } from './bruteForce.ts';
import { classMeanAssignment, normalisedClassMeans } from './classMeanAssignment.ts';
import { randomLabelling } from './permutation.ts';

const basis = fromRows([
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
]);

describe('classMeanAssignment', () => {
  it('sends each class to the prototype its mean points at', () => {
    // Class 0 near e2, class 1 near e0, class 2 near e1.
    const means = Float64Array.from([0.1, 0, 0.9, 0.8, 0.1, 0.1, 0, 0.7, 0.2]);
    const { labelling, score } = classMeanAssignment(means, 3, basis);
    expect(Array.from(labelling)).toEqual([2, 0, 1]);
    expect(score).toBeCloseTo(0.9 + 0.8 + 0.7, 14);
  });

  it('beats greedy: the jointly best assignment, not each class its favourite', () => {
    // Both classes prefer e0 (1 vs 0.9 and 1 vs 0). Greedy: 0 -> e0, 1 -> e1, total 1.
    // Optimal: 0 -> e1, 1 -> e0, total 0.9 + 1 = 1.9.
    const means = Float64Array.from([1, 0.9, 1, 0]);
    const { labelling, score } = classMeanAssignment(
      means,
      2,
      fromRows([
        [1, 0],
        [0, 1],
      ]),
    );
    expect(Array.from(labelling)).toEqual([1, 0]);
    expect(score).toBeCloseTo(1.9, 14);
  });

  it('picks the best classes-sized subset of a larger codebook', () => {
    // 2 classes, 3 prototypes; e2 fits nobody.
    const means = Float64Array.from([0, 1, -1, 1, 0, -1]);
    const { labelling } = classMeanAssignment(means, 2, basis);
    expect(Array.from(labelling)).toEqual([1, 0]);
  });

  it('recovers a planted labelling from noisy means and reaches the brute-force optimum', () => {
    const random = createRandom(99);
    const N = 7;
    const n = 5;
    const prototypes = createCodebook(N, n, gaussianRows(N, n, random.normal));
    const planted = randomLabelling(N, 42);
    const means = new Float64Array(N * n);
    for (let k = 0; k < N; k++) {
      for (let d = 0; d < n; d++) {
        means[k * n + d] = prototypes.data[planted[k] * n + d] + 0.01 * random.normal();
      }
    }
    const { labelling, score } = classMeanAssignment(means, N, prototypes);
    expect(Array.from(labelling)).toEqual(Array.from(planted));
    const dot = (k: number, j: number) => {
      let s = 0;
      for (let d = 0; d < n; d++) s += means[k * n + d] * prototypes.data[j * n + d];
      return s;
    };
    const best = bruteForceOptimum(N, N, (p) => p.reduce((s, j, k) => s + dot(k, j), 0), true);
    expect(score).toBeCloseTo(best.value, 12);
  });

  it('rejects mismatched sizes', () => {
    expect(() => classMeanAssignment(new Float64Array(4), 2, basis)).toThrow(
      /expected classes \* n = 6/,
    );
    expect(() => classMeanAssignment(new Float64Array(12), 4, basis)).toThrow(/at least as many/);
    expect(() => classMeanAssignment(Float64Array.of(Number.NaN, 0, 0), 1, basis)).toThrow(/NaN/);
  });
});

describe('normalisedClassMeans', () => {
  it('averages unit vectors per class and leaves empty classes at zero', () => {
    // Class 0: (3, 4) -> (0.6, 0.8) and (0, 2) -> (0, 1): mean (0.3, 0.9). Class 1: (-5, 0) -> (-1, 0).
    const features = Float64Array.from([3, 4, -5, 0, 0, 2]);
    const means = normalisedClassMeans(features, [0, 1, 0], 3, 2);
    expect(Array.from(means).map((x) => Math.round(x * 1e12) / 1e12)).toEqual([
      0.3, 0.9, -1, 0, 0, 0,
    ]);
  });

  it('rejects labels out of range and a feature array of the wrong length', () => {
    expect(() => normalisedClassMeans(new Float64Array(4), [0, 2], 2, 2)).toThrow(
      /outside \[0, 2\)/,
    );
    expect(() => normalisedClassMeans(new Float64Array(5), [0, 1], 2, 2)).toThrow(/expected/);
  });
});
