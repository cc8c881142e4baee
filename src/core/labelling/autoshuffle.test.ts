import { describe, expect, it } from 'vitest';
import { createRandom } from '../math/random.ts';
import { autoshufflePenalty, projectToDoublyStochastic } from './autoshuffle.ts';
import { permutationMatrix, randomLabelling } from './permutation.ts';

describe('autoshufflePenalty', () => {
  it('is exactly zero on permutation matrices', () => {
    for (let seed = 0; seed < 10; seed++) {
      const P = permutationMatrix(randomLabelling(6, seed), 6);
      expect(autoshufflePenalty(P, 6, 6).value).toBe(0);
    }
  });

  it('is 2n(1 - 1/sqrt(n)) on the uniform n x n matrix', () => {
    // Each of the 2n lines has L1 norm 1 and L2 norm sqrt(n * (1/n)^2) = 1/sqrt(n).
    for (const n of [2, 3, 10]) {
      const uniform = new Float64Array(n * n).fill(1 / n);
      expect(autoshufflePenalty(uniform, n, n).value).toBeCloseTo(
        2 * n * (1 - 1 / Math.sqrt(n)),
        12,
      );
    }
  });

  it('is positive on doubly stochastic matrices that are not permutations', () => {
    // The mixture (P + Q) / 2 of two different permutations: lines where they differ have two
    // entries 1/2, each contributing 1 - 1/sqrt(2).
    const P = permutationMatrix(Int32Array.of(0, 1, 2, 3), 4);
    const Q = permutationMatrix(Int32Array.of(1, 0, 2, 3), 4);
    const mix = P.map((p, k) => (p + Q[k]) / 2);
    expect(autoshufflePenalty(mix, 4, 4).value).toBeCloseTo(4 * (1 - Math.SQRT1_2), 14);

    const random = createRandom(3);
    for (let trial = 0; trial < 10; trial++) {
      const positive = Float64Array.from({ length: 25 }, () => random.next() + 0.01);
      const { matrix } = projectToDoublyStochastic(positive, 5);
      expect(autoshufflePenalty(matrix, 5, 5).value).toBeGreaterThan(0.1);
    }
  });

  it('has a gradient that matches central finite differences', () => {
    const random = createRandom(8);
    const rows = 3;
    const cols = 4;
    // Entries of both signs, away from 0 where |x| has a kink.
    const x = Float64Array.from({ length: rows * cols }, () => {
      const u = random.next() + 0.1;
      return random.next() < 0.3 ? -u : u;
    });
    const { gradient } = autoshufflePenalty(x, rows, cols);
    const h = 1e-6;
    for (let k = 0; k < x.length; k++) {
      const plus = x.slice();
      const minus = x.slice();
      plus[k] += h;
      minus[k] -= h;
      const numeric =
        (autoshufflePenalty(plus, rows, cols).value - autoshufflePenalty(minus, rows, cols).value) /
        (2 * h);
      expect(gradient[k]).toBeCloseTo(numeric, 7);
    }
  });

  it('rejects bad shapes and non-finite entries', () => {
    expect(() => autoshufflePenalty(new Float64Array(5), 2, 2)).toThrow(/expected 4/);
    expect(() => autoshufflePenalty(Float64Array.of(Number.NaN), 1, 1)).toThrow(/NaN/);
    expect(() => autoshufflePenalty(new Float64Array(0), 0, 0)).toThrow(RangeError);
  });
});

describe('projectToDoublyStochastic', () => {
  it('clamps negative entries and balances rows and columns', () => {
    const raw = Float64Array.from([0.9, -0.2, 0.3, 0.1, 0.8, 0.2, -0.5, 0.4, 1.2]);
    const result = projectToDoublyStochastic(raw, 3, { tolerance: 1e-12 });
    expect(result.converged).toBe(true);
    for (let i = 0; i < 3; i++) {
      let row = 0;
      let col = 0;
      for (let j = 0; j < 3; j++) {
        row += result.matrix[i * 3 + j];
        col += result.matrix[j * 3 + i];
      }
      expect(Math.abs(row - 1)).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(col - 1)).toBeLessThanOrEqual(1e-12);
    }
    expect(result.matrix.every((p) => p > 0)).toBe(true);
    // The clamped entries stay at the scale of the floor (1e-9) after rescaling.
    expect(result.matrix[1]).toBeLessThan(1e-8);
    expect(result.matrix[6]).toBeLessThan(1e-8);
  });

  it('leaves a permutation matrix a permutation matrix up to the floor', () => {
    const P = permutationMatrix(Int32Array.of(2, 0, 1), 3);
    const { matrix } = projectToDoublyStochastic(P, 3);
    for (let k = 0; k < 9; k++) expect(matrix[k]).toBeCloseTo(P[k], 8);
  });
});
