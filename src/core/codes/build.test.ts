import { describe, expect, it } from 'vitest';
import { hammingDistance, popcount32 } from '../math/binaryWords.ts';
import { dotRows } from '../math/codebook.ts';
import { bchMethod } from '../methods/bch.ts';
import { defaultParams, resolveParams } from '../methods/params.ts';
import { rmMethod } from '../methods/rm.ts';
import type { MethodResult, ParamValue, PrototypeMethod } from '../methods/types.ts';
import { buildCodePrototypes } from './build.ts';
import { planBch, planReedMuller } from './plan.ts';

function run(
  method: PrototypeMethod,
  N: number,
  n: number,
  given: Record<string, ParamValue> = {},
  seed = 0,
) {
  const params = resolveParams(method.params, given);
  const reason = method.feasibility(N, n, params);
  if (reason) throw new Error(reason);
  return method.run({ N, n, seed, params });
}

/** Max cosine from Hamming distances: exact. */
function maxCosine(r: MethodResult): number {
  const b = r.binary;
  if (!b) throw new Error('no binary words');
  let best = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < b.count; i++) {
    for (let j = i + 1; j < b.count; j++) {
      best = Math.max(best, 1 - (2 * hammingDistance(b, i, j)) / b.length);
    }
  }
  return best;
}

describe('rm method', () => {
  it('declares fit, selection and order as parameters with the papers defaults', () => {
    expect(rmMethod.params.map((p) => p.flag)).toEqual(['fit', 'selection', 'order']);
    expect(defaultParams(rmMethod.params)).toEqual({ fit: 'exact', selection: 'first', order: 0 });
    expect(defaultParams(bchMethod.params)).toEqual({ fit: 'pad', selection: 'first' });
  });

  it('reaches max cosine exactly 0 with RM(1,m) for every n+2 <= N <= 2n, m = 2..6', () => {
    for (let m = 2; m <= 6; m++) {
      const n = 2 ** m;
      for (let N = n + 2; N <= 2 * n; N++) {
        const r = run(rmMethod, N, n);
        expect(r.code?.name).toBe(`RM(1,${m})`);
        expect(r.code?.k).toBe(m + 1);
        expect(maxCosine(r)).toBe(0);
        expect(r.code?.d).toBe(n / 2);
      }
    }
  });

  it("makes classes 2j and 2j+1 antipodal under 'first' selection with RM(1,m)", () => {
    const r = run(rmMethod, 100, 64);
    const b = r.binary;
    if (!b) throw new Error('no binary words');
    for (let j = 0; j < 50; j++) {
      expect(hammingDistance(b, 2 * j, 2 * j + 1)).toBe(64);
      expect(dotRows(r.codebook, 2 * j, 2 * j + 1)).toBeCloseTo(-1, 12);
    }
  });

  it('explains what is wrong and what would work', () => {
    const params = resolveParams(rmMethod.params, {});
    expect(rmMethod.feasibility(100, 100, params)).toBe(
      'rm needs n to be a power of two (16, 32, 64, ...); n = 100. Use --fit pad|puncture|shorten',
    );
    expect(rmMethod.feasibility(1000, 8, params)).toMatch(/fewer than N = 1000/);
    expect(rmMethod.feasibility(100, 16, resolveParams(rmMethod.params, { order: 1 }))).toMatch(
      /RM\(1,4\) has only 2\^5 = 32 codewords, fewer than N = 100; use --order 2/,
    );
    expect(
      rmMethod.feasibility(100, 100, resolveParams(rmMethod.params, { fit: 'pad' })),
    ).toBeNull();
  });

  it('fits other n: pad, puncture, shorten', () => {
    const pad = run(rmMethod, 100, 100, { fit: 'pad' });
    expect(pad.code).toMatchObject({ name: 'RM(1,6), zero-padded to 100', n: 64, k: 7, d: 32 });
    expect(pad.codebook.n).toBe(100);
    const punct = run(rmMethod, 100, 100, { fit: 'puncture' });
    expect(punct.code).toMatchObject({ n: 100, k: 8, designedDistance: 64 - 28 });
    expect(punct.code?.d).toBeGreaterThanOrEqual(36);
    // RM(1,7) shortened once is the simplex code: 128 points with cosine -1/127.
    const short = run(rmMethod, 100, 128, { fit: 'shorten' });
    expect(short.code).toMatchObject({ n: 127, k: 7, d: 64 });
    expect(maxCosine(short)).toBe(1 - 128 / 127);
  });
});

describe('bch method', () => {
  it("picks the papers' codes for N = 100 / 1000 at n = 16..512 and reports the measured d", () => {
    const expected: [number, number, string, number, number][] = [
      [100, 16, 'BCH(15,7)', 7, 5],
      [100, 32, 'BCH(31,11)', 11, 11],
      [100, 64, 'BCH(63,7)', 7, 31],
      [100, 128, 'BCH(127,8)', 8, 63],
      [1000, 64, 'BCH(63,10)', 10, 27],
      [1000, 128, 'BCH(127,15)', 15, 55],
      [1000, 256, 'BCH(255,13)', 13, 119],
      [1000, 512, 'BCH(511,10)', 10, 255],
    ];
    for (const [N, n, name, k, d] of expected) {
      const r = run(bchMethod, N, n);
      expect(r.code?.name).toBe(`${name}, zero-padded to ${n}`);
      expect(r.code).toMatchObject({ n: n - 1, k, designedDistance: d, minimumDistance: d, d });
      expect(r.codebook.n).toBe(n);
      expect(r.binary?.count).toBe(N);
    }
    // The papers' table: 0.333 (15,7,5), 0.290 (31,11,11), 0.0159 (63,7,31), 0.143 (63,10,27).
    expect(maxCosine(run(bchMethod, 100, 16))).toBeCloseTo(0.3333, 4);
    expect(maxCosine(run(bchMethod, 100, 32))).toBeCloseTo(0.2903, 4);
    expect(maxCosine(run(bchMethod, 100, 64))).toBeCloseTo(0.0159, 4);
  });

  it('gives unit prototypes whose float cosines equal 1 - 2 d_H / L', () => {
    const r = run(bchMethod, 200, 70, { selection: 'random' }, 4);
    const b = r.binary;
    if (!b) throw new Error('no binary words');
    expect(b.length).toBe(63);
    for (let i = 0; i < 200; i += 7) {
      expect(dotRows(r.codebook, i, i)).toBeCloseTo(1, 12);
      for (let j = i + 1; j < 200; j += 3) {
        expect(
          Math.abs(dotRows(r.codebook, i, j) - (1 - (2 * hammingDistance(b, i, j)) / 63)),
        ).toBeLessThan(1e-12);
      }
    }
  });

  it('reproduces the same random selection from the same seed', () => {
    const a = run(bchMethod, 300, 128, { selection: 'random' }, 11);
    const b = run(bchMethod, 300, 128, { selection: 'random' }, 11);
    const c = run(bchMethod, 300, 128, { selection: 'random' }, 12);
    expect(Array.from(a.binary?.bits ?? [])).toEqual(Array.from(b.binary?.bits ?? []));
    expect(Array.from(a.binary?.bits ?? [])).not.toEqual(Array.from(c.binary?.bits ?? []));
  });

  it('explains infeasible fits', () => {
    const p = (fit: string) => resolveParams(bchMethod.params, { fit });
    expect(bchMethod.feasibility(100, 64, p('exact'))).toMatch(/needs n = 2\^m - 1 .*n = 64/);
    expect(bchMethod.feasibility(100, 63, p('exact'))).toBeNull();
    expect(bchMethod.feasibility(100, 64, p('puncture'))).toMatch(/could collide/);
    expect(bchMethod.feasibility(100, 120, p('puncture'))).toBeNull();
    expect(bchMethod.feasibility(1000, 7, p('pad'))).toMatch(/fewer than N = 1000/);
  });

  it('extends and punctures', () => {
    const ext = run(bchMethod, 100, 64, { fit: 'extend' });
    expect(ext.code).toMatchObject({ n: 64, k: 7, designedDistance: 32, d: 32 });
    expect(maxCosine(ext)).toBe(0);
    const punct = run(bchMethod, 100, 120, { fit: 'puncture' });
    expect(punct.code).toMatchObject({ n: 120, k: 8, designedDistance: 56 });
  });
});

describe('plans', () => {
  it('are cheap parameter choices that match the built codes', () => {
    const plan = planBch(1000, 128, 'shorten');
    if (typeof plan === 'string') throw new Error(plan);
    expect([plan.length, plan.k, plan.designedDistance, plan.s]).toEqual([122, 10, 55, 5]);
    expect(plan.maxCosineBound).toBeCloseTo(1 - 110 / 122, 12);
    expect(planReedMuller(1000, 64, 'exact')).toMatchObject({
      r: 2,
      m: 6,
      k: 22,
      designedDistance: 16,
    });
  });

  it('builds the selected words with the claimed measured distance', () => {
    const built = buildCodePrototypes({
      family: 'rm',
      N: 100,
      n: 16,
      fit: 'exact',
      selection: 'greedy',
      seed: 0,
    });
    if (typeof built === 'string') throw new Error(built);
    const b = built.binary;
    let d = Number.POSITIVE_INFINITY;
    for (let i = 0; i < b.count; i++) {
      for (let j = i + 1; j < b.count; j++) {
        let x = 0;
        for (let w = 0; w < b.stride; w++) {
          x += popcount32(b.bits[i * b.stride + w] ^ b.bits[j * b.stride + w]);
        }
        d = Math.min(d, x);
      }
    }
    expect(built.code.d).toBe(d);
    expect(d).toBe(6); // greedy beats the code's d = 4: max cosine 0.25 instead of 0.5
  });
});
