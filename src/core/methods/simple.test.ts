import { describe, expect, it } from 'vitest';
import { dotRows, rowOf } from '../math/codebook.ts';
import { separationMetrics } from '../metrics/separation.ts';
import { InfeasibleError, InputError, runMethod } from './registry.ts';

describe('kasarla (regular simplex)', () => {
  it('every pairwise cosine is -1/(N-1), rows are unit, columns sum to zero, for N = 2..200', () => {
    for (let N = 2; N <= 200; N++) {
      const n = N + 3; // embedded in more dimensions than it needs
      const { codebook } = runMethod({ method: 'kasarla', N, n });
      const target = -1 / (N - 1);
      let worst = 0;
      for (let i = 0; i < N; i++) {
        worst = Math.max(worst, Math.abs(dotRows(codebook, i, i) - 1));
        for (let j = i + 1; j < N; j++) {
          worst = Math.max(worst, Math.abs(dotRows(codebook, i, j) - target));
        }
      }
      expect(worst, `N = ${N}`).toBeLessThan(1e-12);
      const sum = new Float64Array(n);
      for (let i = 0; i < N; i++) {
        rowOf(codebook, i).forEach((x, k) => {
          sum[k] += x;
        });
      }
      for (const x of sum) expect(Math.abs(x)).toBeLessThan(1e-12);
      // The coordinates past N-1 are zero (embedded in n dimensions).
      for (let i = 0; i < N; i++)
        expect(
          rowOf(codebook, i)
            .slice(N - 1)
            .every((x) => x === 0),
        ).toBe(true);
    }
  });

  it('reaches the Rankin simplex bound and refuses N > n + 1 with a reason', () => {
    const m = separationMetrics(runMethod({ method: 'kasarla', N: 4, n: 3 }));
    expect(m.maxCosine).toBeCloseTo(-1 / 3, 14);
    expect(m.minAngleDeg).toBeCloseTo(109.4712206, 6); // the tetrahedral angle
    expect(() => runMethod({ method: 'kasarla', N: 5, n: 3 })).toThrow(/N <= n\+1/);
    expect(() => runMethod({ method: 'kasarla', N: 5, n: 3 })).toThrow(InfeasibleError);
  });
});

describe('orthoplex and one-hot', () => {
  it('orthoplex has max cosine exactly 0 for every 3 <= N <= 2n', () => {
    for (const n of [2, 3, 5, 8, 16]) {
      for (let N = 3; N <= 2 * n; N++) {
        const m = separationMetrics(runMethod({ method: 'orthoplex', N, n }));
        expect(m.maxCosine, `N = ${N}, n = ${n}`).toBe(0);
      }
    }
    expect(() => runMethod({ method: 'orthoplex', N: 7, n: 3 })).toThrow(InfeasibleError);
  });

  it('one-hot is the standard basis and needs N <= n', () => {
    const { codebook } = runMethod({ method: 'onehot', N: 3, n: 4 });
    expect(Array.from(codebook.data)).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0]);
    expect(() => runMethod({ method: 'onehot', N: 5, n: 4 })).toThrow(/N <= n/);
  });
});

describe('random', () => {
  it('gives unit vectors, bit-identical for the same seed', () => {
    const a = runMethod({ method: 'random', N: 20, n: 7, seed: 5 }).codebook;
    const b = runMethod({ method: 'random', N: 20, n: 7, seed: 5 }).codebook;
    const c = runMethod({ method: 'random', N: 20, n: 7, seed: 6 }).codebook;
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
    expect(Array.from(a.data)).not.toEqual(Array.from(c.data));
    for (let i = 0; i < 20; i++) expect(dotRows(a, i, i)).toBeCloseTo(1, 14);
  });
});

describe('runMethod input checks', () => {
  it('rejects out-of-range sizes, unknown methods and parameters with readable messages', () => {
    expect(() => runMethod({ method: 'nope', N: 4, n: 3 })).toThrow(/unknown method "nope"/);
    expect(() => runMethod({ method: 'random', N: 1, n: 3 })).toThrow(InputError);
    expect(() => runMethod({ method: 'random', N: 4, n: 0 })).toThrow(/n must be a whole number/);
    expect(() => runMethod({ method: 'random', N: 4.5, n: 3 })).toThrow(/N must be/);
    expect(() => runMethod({ method: 'random', N: 4, n: 3, seed: -1 })).toThrow(/seed/);
    expect(() => runMethod({ method: 'lse', N: 4, n: 3, params: { lr: -1 } })).toThrow(
      /lr must be between/,
    );
    expect(() => runMethod({ method: 'lse', N: 4, n: 3, params: { foo: 1 } })).toThrow(
      /unknown parameter foo/,
    );
  });
});

describe('polygon (regular N-gon on a great circle)', () => {
  it('max cosine is cos(2π/N), neighbours are 2π/N apart, and only two axes are used', () => {
    for (const [N, n] of [
      [3, 2],
      [10, 3],
      [12, 16],
      [100, 64],
    ]) {
      const result = runMethod({ method: 'polygon', N, n });
      const { maxCosine, minAngleDeg } = separationMetrics(result);
      expect(maxCosine).toBeCloseTo(Math.cos((2 * Math.PI) / N), 12);
      expect(minAngleDeg).toBeCloseTo(360 / N, 9);
      for (let i = 0; i < N; i++) {
        expect(dotRows(result.codebook, i, i)).toBeCloseTo(1, 14);
        expect(
          rowOf(result.codebook, i)
            .slice(2)
            .every((x) => x === 0),
        ).toBe(true);
      }
    }
  });
});
