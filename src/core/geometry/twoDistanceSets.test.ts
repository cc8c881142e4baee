import { describe, expect, it } from 'vitest';
import { extendedGolayWords, octads, steinerHeptads, steinerHexads } from '../codes/golay.ts';
import { popcount32 } from '../math/binaryWords.ts';
import {
  gewirtzGraph,
  higmanSimsGraph,
  m22Graph,
  mcLaughlinGraph,
  srgParameters,
  twoDistanceSet,
} from './twoDistanceSets.ts';

describe('the Golay code and S(3, 6, 22)', () => {
  it('has the weight distribution of the extended Golay code: 1, 759, 2576, 759, 1', () => {
    const weights = new Map<number, number>();
    for (const w of extendedGolayWords())
      weights.set(popcount32(w), (weights.get(popcount32(w)) ?? 0) + 1);
    expect([...weights.entries()].sort((a, b) => a[0] - b[0])).toEqual([
      [0, 1],
      [8, 759],
      [12, 2576],
      [16, 759],
      [24, 1],
    ]);
    expect(octads()).toHaveLength(759);
  });

  it('gives 253 heptads with every 4 of the 23 points in exactly one', () => {
    const heptads = steinerHeptads();
    expect(heptads).toHaveLength(253);
    expect(heptads.every((h) => popcount32(h) === 7 && h < 1 << 23)).toBe(true);
    const seen = new Map<number, number>();
    for (const h of heptads) {
      const points = [...Array(23).keys()].filter((p) => (h >> p) & 1);
      for (let a = 0; a < 7; a++)
        for (let b = a + 1; b < 7; b++)
          for (let c = b + 1; c < 7; c++)
            for (let d = c + 1; d < 7; d++) {
              const key = (1 << points[a]) | (1 << points[b]) | (1 << points[c]) | (1 << points[d]);
              seen.set(key, (seen.get(key) ?? 0) + 1);
            }
    }
    // C(23, 4) = 8855 quadruples, each once.
    expect(seen.size).toBe(8855);
    expect([...seen.values()].every((k) => k === 1)).toBe(true);
  });

  it('gives 77 hexads with every 3 of the 22 points in exactly one', () => {
    const hexads = steinerHexads();
    expect(hexads).toHaveLength(77);
    expect(hexads.every((h) => popcount32(h) === 6 && h < 1 << 22)).toBe(true);
    for (let a = 0; a < 22; a++) {
      for (let b = a + 1; b < 22; b++) {
        for (let c = b + 1; c < 22; c++) {
          const triple = (1 << a) | (1 << b) | (1 << c);
          expect(hexads.filter((h) => (h & triple) === triple)).toHaveLength(1);
        }
      }
    }
  });
});

describe('two-distance sets of strongly regular graphs', () => {
  it.each([
    ['Gewirtz', gewirtzGraph, { v: 56, k: 10, lambda: 0, mu: 2 }, 20, 1 / 15, -2 / 5],
    ['M22', m22Graph, { v: 77, k: 16, lambda: 0, mu: 4 }, 21, 1 / 12, -3 / 8],
    ['Higman-Sims', higmanSimsGraph, { v: 100, k: 22, lambda: 0, mu: 6 }, 22, 1 / 11, -4 / 11],
    ['McLaughlin', mcLaughlinGraph, { v: 275, k: 112, lambda: 30, mu: 56 }, 22, 1 / 6, -1 / 4],
  ])(
    '%s: strongly regular %o, in R^%i with cosines %f and %f only',
    (_, make, params, n, far, near) => {
      const g = make();
      expect(srgParameters(g)).toEqual(params);
      const set = twoDistanceSet(g);
      expect([set.n, set.count]).toEqual([n, params.v]);
      expect(set.cosines.far).toBeCloseTo(far, 15);
      expect(set.cosines.near).toBeCloseTo(near, 15);
      for (let i = 0; i < set.count; i++) {
        for (let j = i; j < set.count; j++) {
          let c = 0;
          for (let t = 0; t < n; t++) c += set.data[i * n + t] * set.data[j * n + t];
          const want = i === j ? 1 : g.adjacency[i * params.v + j] ? near : far;
          expect(Math.abs(c - want)).toBeLessThan(1e-12);
        }
      }
    },
  );

  it('refuses a graph that is not strongly regular', () => {
    const path = { name: 'path', v: 3, adjacency: Uint8Array.from([0, 1, 0, 1, 0, 1, 0, 1, 0]) };
    expect(srgParameters(path)).toBeNull();
    expect(() => twoDistanceSet(path)).toThrow(/not strongly regular/);
  });
});
