import { describe, expect, it } from 'vitest';
import { createRandom } from '../math/random.ts';
import { bruteForceOptimum, forEachInjection } from './bruteForce.ts';
import { assignmentTotal } from './hungarian.ts';
import { permutationMatrix } from './permutation.ts';
import { roundToPermutation, sinkhorn } from './sinkhorn.ts';

function marginals(matrix: Float64Array, size: number): { rows: number[]; cols: number[] } {
  const rows = new Array<number>(size).fill(0);
  const cols = new Array<number>(size).fill(0);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      rows[i] += matrix[i * size + j];
      cols[j] += matrix[i * size + j];
    }
  }
  return { rows, cols };
}

const maxAbsDifference = (a: Float64Array, b: Float64Array) =>
  a.reduce((m, x, k) => Math.max(m, Math.abs(x - b[k])), 0);

// Unique maximum: 0 -> 2, 1 -> 0, 2 -> 3, 3 -> 1, total 5 + 4 + 6 + 5 = 20; the next best
// permutation scores 14 (checked by brute force below), a gap of 6.
const scores = Float64Array.from(
  [
    [1, 2, 5, 0],
    [4, 1, 0, 2],
    [0, 1, 2, 6],
    [2, 5, 1, 1],
  ].flat(),
);
const optimum = Int32Array.of(2, 0, 3, 1);

describe('sinkhorn', () => {
  it('has rows and columns summing to 1 within the tolerance it reports', () => {
    const random = createRandom(11);
    for (const size of [1, 2, 5, 30]) {
      const s = Float64Array.from({ length: size * size }, () => random.normal());
      for (const temperature of [0.5, 1, 10]) {
        const result = sinkhorn(s, size, { temperature, tolerance: 1e-10 });
        expect(result.converged).toBe(true);
        expect(result.error).toBeLessThanOrEqual(1e-10);
        const { rows, cols } = marginals(result.matrix, size);
        for (const sum of [...rows, ...cols]) expect(Math.abs(sum - 1)).toBeLessThanOrEqual(1e-10);
        expect(result.matrix.every((p) => p > 0)).toBe(true);
      }
    }
  });

  it('reports the error it actually reached when the cap stops it on a hard matrix', () => {
    // Score gaps of ~30 / temperature: Sinkhorn slows to O(1 / iterations) here.
    const random = createRandom(11);
    const s = Float64Array.from({ length: 25 }, () => random.normal() * 3);
    const result = sinkhorn(s, 5, { temperature: 0.1, maxIterations: 50 });
    const { rows, cols } = marginals(result.matrix, 5);
    const measured = Math.max(...[...rows, ...cols].map((sum) => Math.abs(sum - 1)));
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(50);
    expect(result.error).toBeCloseTo(measured, 14);
  });

  it('gives exactly the uniform matrix when scores are row plus column offsets', () => {
    // exp((a_i + b_j) / t) = u_i v_j is rank one: its scaling to doubly stochastic is 1/n.
    const a = [0.3, -2, 5];
    const b = [1, 4, -1];
    const s = Float64Array.from({ length: 9 }, (_, k) => a[Math.floor(k / 3)] + b[k % 3]);
    const result = sinkhorn(s, 3, { temperature: 0.7 });
    for (const p of result.matrix) expect(p).toBeCloseTo(1 / 3, 12);
  });

  it('approaches the Hungarian permutation matrix as the temperature falls', () => {
    const total = (p: Int32Array) => assignmentTotal(scores, 4, p);
    expect(bruteForceOptimum(4, 4, total, true).value).toBe(20);
    let secondBest = Number.NEGATIVE_INFINITY;
    forEachInjection(4, 4, (p) => {
      if (total(p) < 20) secondBest = Math.max(secondBest, total(p));
    });
    expect(secondBest).toBe(14);
    expect(Array.from(roundToPermutation(scores, 4))).toEqual(Array.from(optimum));

    const target = permutationMatrix(optimum, 4);
    const distances = [2, 0.5, 0.1, 0.02].map((temperature) =>
      maxAbsDifference(sinkhorn(scores, 4, { temperature }).matrix, target),
    );
    for (let t = 1; t < distances.length; t++) expect(distances[t]).toBeLessThan(distances[t - 1]);
    // Off-optimum mass shrinks like exp(-gap / temperature) = exp(-300) at 0.02.
    expect(distances[3]).toBeLessThan(1e-9);
  });

  it('reports non-convergence when the iteration cap stops it early', () => {
    const result = sinkhorn(scores, 4, { temperature: 1, maxIterations: 1, tolerance: 1e-12 });
    expect(result.iterations).toBe(1);
    expect(result.converged).toBe(false);
    expect(result.error).toBeGreaterThan(1e-12);
  });

  it('rejects bad input with a clear message', () => {
    expect(() => sinkhorn(scores, 4, { temperature: 0 })).toThrow(/temperature must be/);
    expect(() => sinkhorn(scores, 3, { temperature: 1 })).toThrow(/expected size\^2 = 9/);
    expect(() => sinkhorn(Float64Array.of(Number.NaN), 1, { temperature: 1 })).toThrow(
      /entry 0 is NaN/,
    );
    expect(() => sinkhorn(scores, 4, { temperature: 1, maxIterations: 0 })).toThrow(RangeError);
    expect(() => sinkhorn(scores, 4, { temperature: 1, tolerance: -1 })).toThrow(RangeError);
  });
});

describe('roundToPermutation', () => {
  it('rounds a soft matrix to the permutation carrying the most mass', () => {
    // Mostly the cycle 0 -> 1 -> 2 -> 0, blurred towards uniform.
    const soft = Float64Array.from(
      [
        [0.2, 0.6, 0.2],
        [0.2, 0.2, 0.6],
        [0.6, 0.2, 0.2],
      ].flat(),
    );
    expect(Array.from(roundToPermutation(soft, 3))).toEqual([1, 2, 0]);
  });
});
