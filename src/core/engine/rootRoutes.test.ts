import { describe, expect, it } from 'vitest';
import { createCodebook } from '../math/codebook.ts';
import { separationMetrics } from '../metrics/separation.ts';
import { bestRootRoute } from './rootRoutes.ts';

const maxCosineOf = (N: number, n: number, data: Float64Array) =>
  separationMetrics({ codebook: createCodebook(N, n, data) }).maxCosine;

describe('root-system routes', () => {
  it.each([
    [24, 4, 'D4 root system (the 24-cell)'],
    [40, 5, 'D5 root system'],
    [72, 6, 'E6 root system'],
    [126, 7, 'E7 root system'],
    [240, 8, 'E8 root system'],
    [240, 12, 'E8 root system'],
    [30, 5, 'D5 root system, 30 of its 40 roots'],
  ])('(%i, %i): %s, max cosine 1/2', (N, n, route) => {
    const r = bestRootRoute(N, n);
    expect(r?.route).toBe(route);
    expect(r?.data.length).toBe(N * n);
    expect(r?.maxCosine).toBeCloseTo(0.5, 14);
    expect(maxCosineOf(N, n, r?.data ?? new Float64Array())).toBeCloseTo(0.5, 14);
  });

  it('takes orthogonal and opposite roots first', () => {
    // 8 of D4's roots can be pairwise orthogonal or opposite: the cross-polytope.
    expect(bestRootRoute(8, 4)?.maxCosine).toBeCloseTo(0, 14);
  });

  it('has nothing where no system is large enough, or below 4 dimensions', () => {
    expect(bestRootRoute(241, 8)).toBeNull();
    expect(bestRootRoute(12, 3)).toBeNull();
    expect(bestRootRoute(1000, 64)).toBeNull();
  });
});
