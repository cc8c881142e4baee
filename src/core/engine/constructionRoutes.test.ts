import { describe, expect, it } from 'vitest';
import { createCodebook } from '../math/codebook.ts';
import { separationMetrics } from '../metrics/separation.ts';
import { bestConstructionRoute, structuresFor } from './constructionRoutes.ts';

const maxCosineOf = (N: number, n: number, data: Float64Array) =>
  separationMetrics({ codebook: createCodebook(N, n, data) }).maxCosine;

describe('construction routes', () => {
  it.each([
    [24, 4, 'D4 root system (the 24-cell)'],
    [40, 5, 'D5 root system'],
    [72, 6, 'E6 root system'],
    [126, 7, 'E7 root system'],
    [240, 8, 'E8 root system'],
    [240, 12, 'E8 root system'],
    [30, 5, 'D5 root system, 30 of its 40 points'],
  ])('(%i, %i): %s, max cosine 1/2', (N, n, route) => {
    const r = bestConstructionRoute(N, n);
    expect(r?.route).toBe(route);
    expect(r?.data.length).toBe(N * n);
    expect(r?.maxCosine).toBeCloseTo(0.5, 14);
    expect(maxCosineOf(N, n, r?.data ?? new Float64Array())).toBeCloseTo(0.5, 14);
  });

  it.each([
    [56, 20, "Gewirtz graph's two-distance set", 1 / 15],
    [77, 21, "M22 graph's two-distance set", 1 / 12],
    [100, 22, "Higman-Sims graph's two-distance set", 1 / 11],
    [100, 30, "Higman-Sims graph's two-distance set", 1 / 11],
    [90, 22, "Higman-Sims graph's two-distance set, 90 of its 100 points", 1 / 11],
    [275, 22, "McLaughlin graph's two-distance set", 1 / 6],
    [256, 16, 'Nordstrom-Robinson code', 1 / 4],
    [200, 18, 'Nordstrom-Robinson code, 200 of its 256 points', 1 / 4],
    [253, 23, "McLaughlin graph's two-distance set, 253 of its 275 points", 1 / 6],
  ])('(%i, %i): %s, max cosine %f', (N, n, route, cosine) => {
    const r = bestConstructionRoute(N, n);
    expect(r?.route).toBe(route);
    expect(r?.maxCosine).toBeCloseTo(cosine, 12);
    expect(maxCosineOf(N, n, r?.data ?? new Float64Array())).toBeCloseTo(cosine, 12);
  });

  it('builds only the structures that fit', () => {
    expect(structuresFor(1, 3)).toEqual([]);
    expect(structuresFor(1, 7).map((s) => s.name)).toEqual([
      'D4 root system',
      'D5 root system',
      'D6 root system',
      'D7 root system',
      'E6 root system',
      'E7 root system',
    ]);
    expect(structuresFor(200, 22).map((s) => s.name)).toEqual([
      'E8 root system',
      "McLaughlin graph's two-distance set",
      'Nordstrom-Robinson code',
    ]);
  });

  it('takes orthogonal and opposite roots first', () => {
    // 8 of D4's roots can be pairwise orthogonal or opposite: the cross-polytope.
    expect(bestConstructionRoute(8, 4)?.maxCosine).toBeCloseTo(0, 14);
  });

  it('has nothing where no system is large enough, or below 4 dimensions', () => {
    expect(bestConstructionRoute(241, 8)).toBeNull();
    expect(bestConstructionRoute(12, 3)).toBeNull();
    expect(bestConstructionRoute(1000, 64)).toBeNull();
    expect(bestConstructionRoute(276, 22)).toBeNull();
  });
});
