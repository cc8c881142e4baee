import { describe, expect, it } from 'vitest';
import { createRandom, randomPermutation } from './random.ts';

describe('createRandom', () => {
  it('gives the same stream for the same seed and different streams for different seeds', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const sa = Array.from({ length: 20 }, () => a.nextUint32());
    const sb = Array.from({ length: 20 }, () => b.nextUint32());
    const sc = Array.from({ length: 20 }, () => c.nextUint32());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
  });

  it('keeps seeds above 2^32 distinct from their low 32 bits', () => {
    expect(createRandom(2 ** 32 + 5).nextUint32()).not.toBe(createRandom(5).nextUint32());
  });

  it('draws uniforms in [0, 1) with the right mean and normals with mean 0, variance 1', () => {
    const r = createRandom(7);
    let s = 0;
    let lo = 1;
    let hi = 0;
    const M = 200_000;
    for (let i = 0; i < M; i++) {
      const u = r.next();
      s += u;
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    // Standard error of the mean of U(0,1) is 1/sqrt(12 M) ~ 6.5e-4: 5 sigma.
    expect(Math.abs(s / M - 0.5)).toBeLessThan(3.3e-3);
    let m1 = 0;
    let m2 = 0;
    for (let i = 0; i < M; i++) {
      const z = r.normal();
      m1 += z;
      m2 += z * z;
    }
    expect(Math.abs(m1 / M)).toBeLessThan(0.012);
    expect(Math.abs(m2 / M - 1)).toBeLessThan(0.016);
  });

  it('draws bounded integers without bias and rejects bad bounds', () => {
    const r = createRandom(1);
    const counts = new Array(3).fill(0);
    for (let i = 0; i < 30_000; i++) counts[r.int(3)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
    expect(() => r.int(0)).toThrow(RangeError);
    expect(() => r.int(1.5)).toThrow(RangeError);
    expect(() => createRandom(Number.NaN)).toThrow(RangeError);
  });

  it('makes permutations of 0..n-1', () => {
    const p = randomPermutation(50, createRandom(3));
    expect(Array.from(p).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(randomPermutation(50, createRandom(3)))).toEqual(Array.from(p));
  });
});
