import { describe, expect, it } from 'vitest';
import { gilbertVarshamovBound, gilbertVarshamovDistance } from './gilbertVarshamov.ts';
import { separationBounds } from './index.ts';
import { rankinOrthoplexBound, rankinSimplexBound } from './rankin.ts';

describe('Rankin bounds', () => {
  it('simplex bound is -1/(N-1)', () => {
    expect(rankinSimplexBound(2)).toBe(-1);
    expect(rankinSimplexBound(4)).toBe(-1 / 3);
    expect(rankinSimplexBound(101)).toBe(-0.01);
  });
  it('orthoplex bound is 0 exactly when N > n + 1', () => {
    expect(rankinOrthoplexBound(4, 3)).toBeNull();
    expect(rankinOrthoplexBound(5, 3)).toBe(0);
    expect(rankinOrthoplexBound(1000, 64)).toBe(0);
  });
});

describe('Gilbert-Varshamov (authors\u2019 form)', () => {
  // Hand-computed: k = 7 for N = 100; sum_{i<=x} C(15, i) = 1, 16, 121, 576 first reaches
  // 2^(16-7) = 512 at x = 3, so d_GV = 4 and the bound is 1 - 8/16 = 0.5.
  it('N = 100, n = 16 gives d = 4 and max cosine 0.5', () => {
    expect(gilbertVarshamovDistance(100, 16)).toBe(4);
    expect(gilbertVarshamovBound(100, 16)).toBe(0.5);
  });
  // Values of 1 + scipy.stats.binom.ppf(2^(1-k), n-1, 1/2).
  it.each([
    [100, 32, 11],
    [100, 64, 24],
    [100, 128, 52],
    [1000, 64, 21],
    [1000, 128, 48],
    [1000, 256, 106],
    [1000, 512, 224],
    [10, 16, 6],
    [2, 2, 2],
    [1000, 10, 1],
  ])('N = %i, n = %i gives d_GV = %i', (N, n, d) => {
    expect(gilbertVarshamovDistance(N, n)).toBe(d);
    expect(gilbertVarshamovBound(N, n)).toBe(1 - (2 * d) / n);
  });
  it('is undefined when n < ceil(log2 N)', () => {
    expect(gilbertVarshamovBound(1000, 9)).toBeNull();
    expect(gilbertVarshamovBound(1024, 10)).not.toBeNull();
    expect(gilbertVarshamovBound(1025, 10)).toBeNull();
  });
});

describe('separationBounds', () => {
  it('collects the bounds and the strongest lower bound', () => {
    const b = separationBounds(4, 3);
    expect(b.rankin).toBe(-1 / 3);
    expect(b.orthoplex).toBeNull();
    expect(b.lower).toBe(-1 / 3);
    const c = separationBounds(100, 64);
    expect(c.orthoplex).toBe(0);
    expect(c.gilbertVarshamov).toBe(0.25);
    expect(c.lower).toBe(0);
  });
});
