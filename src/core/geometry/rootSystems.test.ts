import { describe, expect, it } from 'vitest';
import { type RootSystem, rootsD, rootsE6, rootsE7, rootsE8 } from './rootSystems.ts';

/** Every inner product between two different roots, rounded to 1e-12. */
function innerProducts(s: RootSystem): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < s.count; i++) {
    for (let j = i + 1; j < s.count; j++) {
      let c = 0;
      for (let t = 0; t < s.n; t++) c += s.data[i * s.n + t] * s.data[j * s.n + t];
      out.add(Math.round(c * 1e12) / 1e12 + 0);
    }
  }
  return out;
}

describe('root systems', () => {
  it.each([
    ['D4', rootsD(4), 4, 24],
    ['D5', rootsD(5), 5, 40],
    ['D8', rootsD(8), 8, 112],
    ['E6', rootsE6(), 6, 72],
    ['E7', rootsE7(), 7, 126],
    ['E8', rootsE8(), 8, 240],
  ])(
    '%s: the right number of unit roots, at cosines -1, -1/2, 0 and 1/2 only',
    (name, s, n, count) => {
      expect([s.name, s.n, s.count, s.data.length]).toEqual([name, n, count, count * n]);
      for (let i = 0; i < s.count; i++) {
        let norm = 0;
        for (let t = 0; t < n; t++) norm += s.data[i * n + t] ** 2;
        expect(norm).toBeCloseTo(1, 14);
      }
      expect([...innerProducts(s)].sort((a, b) => a - b)).toEqual([-1, -0.5, 0, 0.5]);
    },
  );

  it('each root has 2(2n - 4) neighbours at 60 degrees in D_n and 56, 32 and 20 in E8, E7 and E6 (kissing configurations)', () => {
    const neighbours = (s: RootSystem) => {
      let k = 0;
      for (let j = 1; j < s.count; j++) {
        let c = 0;
        for (let t = 0; t < s.n; t++) c += s.data[t] * s.data[j * s.n + t];
        if (Math.abs(c - 0.5) < 1e-12) k++;
      }
      return k;
    };
    expect(neighbours(rootsD(4))).toBe(8);
    expect(neighbours(rootsD(6))).toBe(16);
    expect(neighbours(rootsE8())).toBe(56);
    expect(neighbours(rootsE7())).toBe(32);
    expect(neighbours(rootsE6())).toBe(20);
  });
});
