import { describe, expect, it } from 'vitest';
import { hammingWeight } from '../math/binaryWords.ts';
import { bchCode, bchCodes } from './bch.ts';
import { buildCodePrototypes } from './build.ts';
import { encodeMessages, messagesFromIndices, rankGF2 } from './gf2.ts';
import { codewordWeights, minimumNonzeroWeight } from './linearCode.ts';
import { extendCode, maximalTrailingShortening, punctureCode, shortenCode } from './modify.ts';
import { reedMullerCode, rmColumn, rmMonomialMasks } from './reedMuller.ts';

const bch = (m: number, k: number) => {
  const p = bchCodes(m).find((c) => c.k === k);
  if (!p) throw new Error('missing code');
  return p;
};
const minD = (code: { generator: Parameters<typeof codewordWeights>[0] }) =>
  minimumNonzeroWeight(codewordWeights(code.generator));

describe('code modifications', () => {
  it('extends BCH(15,7,5) to [16,7,6] with every codeword of even weight', () => {
    const ext = extendCode(bchCode(bch(4, 7)));
    expect(ext.generator.length).toBe(16);
    expect(ext.designedDistance).toBe(6);
    expect(minD(ext)).toBe(6);
    const all = encodeMessages(
      ext.generator,
      messagesFromIndices(
        Array.from({ length: 128 }, (_, i) => i),
        7,
      ),
    );
    for (let i = 0; i < 128; i++) expect(hammingWeight(all, i) % 2).toBe(0);
  });

  it('shortens BCH(127,15,55) to [122,10,55] and BCH(255,13,119) to [252,10,119]', () => {
    const a = bchCode(bch(7, 15), 5);
    expect([a.generator.length, a.generator.count, minD(a)]).toEqual([122, 10, 55]);
    const b = bchCode(bch(8, 13), 3);
    expect([b.generator.length, b.generator.count, minD(b)]).toEqual([252, 10, 119]);
  });

  it('gives max cosine 1 - 2*55/122 for N = 1000 in n = 128 and 1 - 2*119/252 in n = 256 (fit shorten)', () => {
    const r128 = buildCodePrototypes({
      family: 'bch',
      N: 1000,
      n: 128,
      fit: 'shorten',
      selection: 'first',
      seed: 0,
    });
    const r256 = buildCodePrototypes({
      family: 'bch',
      N: 1000,
      n: 256,
      fit: 'shorten',
      selection: 'first',
      seed: 0,
    });
    if (typeof r128 === 'string' || typeof r256 === 'string') throw new Error('infeasible');
    expect(r128.code).toMatchObject({
      n: 122,
      k: 10,
      d: 55,
      designedDistance: 55,
      minimumDistance: 55,
    });
    expect(r128.code.name).toBe('BCH(127,15) shortened to [122,10], zero-padded to 128');
    expect(1 - (2 * r128.code.d) / r128.code.n).toBeCloseTo(0.0984, 4);
    expect(r128.codebook.n).toBe(128);
    expect(r256.code).toMatchObject({ n: 252, k: 10, d: 119 });
    expect(1 - (2 * r256.code.d) / r256.code.n).toBeCloseTo(0.0556, 4);
  });

  it('punctures [L, k, d] to [L - s, k, >= d - s]', () => {
    const p = punctureCode(bchCode(bch(5, 11)), 5);
    expect(p.generator.length).toBe(26);
    expect(rankGF2(p.generator)).toBe(11);
    expect(p.designedDistance).toBe(6);
    expect(minD(p)).toBeGreaterThanOrEqual(6);
    expect(() => punctureCode(bchCode(bch(5, 11)), 11)).toThrow(RangeError);
  });

  it('shortens RM codes maximally: dependent trailing coordinates go for free', () => {
    // RM(2,7): the last 32 coordinates form a 5-subcube on which the code has rank dim RM(2,5) = 16.
    const masks = rmMonomialMasks(2, 7);
    const s = maximalTrailingShortening(29, 128, 13, (t, out) => rmColumn(masks, t, out));
    expect(s).toBe(32);
    const short = shortenCode(reedMullerCode(2, 7), s);
    expect([short.generator.length, short.generator.count]).toEqual([96, 13]);
    expect(minD(short)).toBeGreaterThanOrEqual(32);
    // RM(1,m) shortened once is the simplex code: every nonzero weight is 2^(m-1).
    const simplex = shortenCode(reedMullerCode(1, 5), 1);
    expect(new Set(codewordWeights(simplex.generator).subarray(1))).toEqual(new Set([16]));
  });
});
