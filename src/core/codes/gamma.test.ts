import { describe, expect, it } from 'vitest';
import { hammingDistance } from '../math/binaryWords.ts';
import { dotRows } from '../math/codebook.ts';
import { bchCode, bchCodes } from './bch.ts';
import { gammaCodebook, gammaCosine } from './gamma.ts';
import { encodeMessages } from './gf2.ts';
import { randomMessages } from './select.ts';

describe('gamma', () => {
  it('maps words to unit vectors with <c_i, c_j> = 1 - 2 d_H / L, zeros after L', () => {
    const params = bchCodes(5).find((c) => c.k === 11);
    if (!params) throw new Error('missing code');
    const words = encodeMessages(bchCode(params).generator, randomMessages(60, 11, 3));
    for (const n of [31, 40]) {
      const cb = gammaCodebook(words, n);
      expect(cb.n).toBe(n);
      for (let i = 0; i < cb.N; i++) {
        expect(Math.abs(dotRows(cb, i, i) - 1)).toBeLessThan(1e-12);
        for (let t = 31; t < n; t++) expect(cb.data[i * n + t]).toBe(0);
        for (let j = i + 1; j < cb.N; j++) {
          const exact = gammaCosine(31, hammingDistance(words, i, j));
          expect(exact).toBe(1 - (2 * hammingDistance(words, i, j)) / 31);
          expect(Math.abs(dotRows(cb, i, j) - exact)).toBeLessThan(1e-12);
        }
      }
    }
    expect(() => gammaCodebook(words, 30)).toThrow(RangeError);
  });

  it('sends bit 1 to +1/sqrt(L) and bit 0 to -1/sqrt(L)', () => {
    const params = bchCodes(3).find((c) => c.k === 4);
    if (!params) throw new Error('missing code');
    const g = bchCode(params).generator; // row 0 = g(x) = 1 + x + x^3
    const cb = gammaCodebook(g, 7);
    const a = 1 / Math.sqrt(7);
    expect(Array.from(cb.data.subarray(0, 7))).toEqual([a, a, -a, a, -a, -a, -a]);
  });
});
