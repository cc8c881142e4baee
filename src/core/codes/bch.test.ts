import { describe, expect, it } from 'vitest';
import { bchCode, bchCodes, bchGeneratorPolynomial, chooseBch } from './bch.ts';
import { rankGF2 } from './gf2.ts';
import { alphaPower, createField, mul } from './gf2m.ts';
import { codewordWeights, minimumNonzeroWeight } from './linearCode.ts';
import { shortenCode } from './modify.ts';

const triple = (m: number) => bchCodes(m).map((c) => [c.length, c.k, c.designedDistance]);

function find(m: number, k: number) {
  const c = bchCodes(m).find((x) => x.k === k);
  if (!c) throw new Error(`no BCH code of length ${2 ** m - 1} with k = ${k}`);
  return c;
}

describe('BCH codes', () => {
  it('lists the narrow-sense primitive codes with their Bose distances (textbook tables)', () => {
    expect(triple(4)).toEqual([
      [15, 15, 1],
      [15, 11, 3],
      [15, 7, 5],
      [15, 5, 7],
      [15, 1, 15],
    ]);
    expect(triple(5).map(([, k, d]) => [k, d])).toEqual([
      [31, 1],
      [26, 3],
      [21, 5],
      [16, 7],
      [11, 11],
      [6, 15],
      [1, 31],
    ]);
    expect(
      triple(6)
        .map(([, k, d]) => `${k},${d}`)
        .join(' '),
    ).toBe('63,1 57,3 51,5 45,7 39,9 36,11 30,13 24,15 18,21 16,23 10,27 7,31 1,63');
    expect(
      triple(7)
        .map(([, k, d]) => `${k},${d}`)
        .join(' '),
    ).toBe(
      '127,1 120,3 113,5 106,7 99,9 92,11 85,13 78,15 71,19 64,21 57,23 50,27 43,29 36,31 29,43 22,47 15,55 8,63 1,127',
    );
    const t8 = triple(8).map(([, k, d]) => `${k},${d}`);
    expect(t8).toContain('13,119');
    expect(t8).toContain('21,111');
    expect(t8).toContain('9,127');
    expect(triple(9).map(([, k, d]) => `${k},${d}`)).toContain('10,255');
  });

  it('builds g(x) = 1 + x^4 + x^6 + x^7 + x^8 for (15,7,5) over x^4 + x + 1', () => {
    expect(Array.from(bchGeneratorPolynomial(find(4, 7)))).toEqual([1, 0, 0, 0, 1, 0, 1, 1, 1]);
  });

  it('has alpha^1..alpha^(d-1) as zeros of g and alpha^d not (Bose distance)', () => {
    for (const [m, k] of [
      [5, 11],
      [6, 10],
      [7, 15],
      [8, 13],
    ]) {
      const params = find(m, k);
      const g = bchGeneratorPolynomial(params);
      expect(g.length - 1).toBe(params.length - params.k);
      const f = createField(m);
      const at = (j: number) => {
        let v = 0;
        for (let i = g.length - 1; i >= 0; i--) v = mul(f, v, alphaPower(f, j)) ^ g[i];
        return v;
      };
      for (let j = 1; j < params.designedDistance; j++) expect(at(j)).toBe(0);
      expect(at(params.designedDistance)).not.toBe(0);
    }
  });

  it('meets its designed distance: true minimum distance by enumeration', () => {
    const cases: [number, number, number][] = [
      [4, 7, 5],
      [5, 11, 11],
      [6, 7, 31],
      [6, 10, 27],
      [7, 15, 55],
      [8, 13, 119],
    ];
    for (const [m, k, d] of cases) {
      const params = find(m, k);
      expect(params.designedDistance).toBe(d);
      const code = bchCode(params);
      expect(rankGF2(code.generator)).toBe(k);
      const trueD = minimumNonzeroWeight(codewordWeights(code.generator));
      expect(trueD).toBeGreaterThanOrEqual(d);
      expect(trueD).toBe(d); // for these codes the BCH bound is tight
    }
  });

  it('chooses the smallest k >= ceil(log2 N), i.e. the largest designed distance', () => {
    const pick = (m: number, kReq: number) => {
      const c = chooseBch(m, kReq);
      return c && [c.length, c.k, c.designedDistance];
    };
    expect(pick(4, 7)).toEqual([15, 7, 5]);
    expect(pick(5, 7)).toEqual([31, 11, 11]);
    expect(pick(6, 7)).toEqual([63, 7, 31]);
    expect(pick(7, 7)).toEqual([127, 8, 63]);
    expect(pick(6, 10)).toEqual([63, 10, 27]);
    expect(pick(7, 10)).toEqual([127, 15, 55]);
    expect(pick(8, 10)).toEqual([255, 13, 119]);
    expect(pick(9, 10)).toEqual([511, 10, 255]);
    expect(pick(3, 7)).toEqual([7, 7, 1]); // only the whole space is big enough
    expect(pick(3, 8)).toBeNull();
  });

  it('shortens directly (first k - s rows) exactly as generic elimination does', () => {
    const params = find(7, 15);
    const direct = bchCode(params, 5);
    const generic = shortenCode(bchCode(params), 5);
    expect(direct.generator.length).toBe(122);
    expect(direct.generator.count).toBe(10);
    expect(Array.from(generic.generator.bits)).toEqual(Array.from(direct.generator.bits));
    expect(direct.name).toBe('BCH(127,15) shortened to [122,10]');
  });
});
