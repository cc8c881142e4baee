import { describe, expect, it } from 'vitest';
import { hammingDistance, wordToArray } from '../math/binaryWords.ts';
import { rankGF2 } from './gf2.ts';
import { codewordWeights, minimumNonzeroWeight } from './linearCode.ts';
import {
  binomial,
  reedMullerGenerator,
  rmDimension,
  rmMinimumDistance,
  rmMonomials,
  rmOrderFor,
} from './reedMuller.ts';

describe('Reed-Muller codes', () => {
  it('has k = sum_{i<=r} C(m, i) independent rows', () => {
    for (let m = 1; m <= 8; m++) {
      for (let r = 0; r <= m; r++) {
        let k = 0;
        for (let i = 0; i <= r; i++) k += binomial(m, i);
        expect(rmDimension(r, m)).toBe(k);
        if (m <= 7) {
          const g = reedMullerGenerator(r, m);
          expect(g.count).toBe(k);
          expect(g.length).toBe(2 ** m);
          expect(rankGF2(g)).toBe(k);
        }
      }
    }
    expect(rmDimension(2, 6)).toBe(22);
    expect(rmDimension(1, 9)).toBe(10);
  });

  it('orders rows: all-ones, x_0..x_{m-1}, then products in lexicographic order', () => {
    expect(rmMonomials(2, 4)).toEqual([
      [],
      [0],
      [1],
      [2],
      [3],
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 2],
      [1, 3],
      [2, 3],
    ]);
    expect(rmMonomials(3, 4).slice(11)).toEqual([
      [0, 1, 2],
      [0, 1, 3],
      [0, 2, 3],
      [1, 2, 3],
    ]);
    const g = reedMullerGenerator(2, 3);
    expect(wordToArray(g, 0)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(wordToArray(g, 1)).toEqual([0, 1, 0, 1, 0, 1, 0, 1]); // x_0 = bit 0 of the column
    expect(wordToArray(g, 3)).toEqual([0, 0, 0, 0, 1, 1, 1, 1]); // x_2
    expect(wordToArray(g, 4)).toEqual([0, 0, 0, 1, 0, 0, 0, 1]); // x_0 x_1
  });

  it('has minimum distance 2^(m-r), measured by enumerating every codeword', () => {
    const cases: [number, number][] = [
      [0, 3],
      [1, 2],
      [1, 3],
      [1, 4],
      [1, 5],
      [1, 6],
      [2, 4],
      [2, 5],
      [3, 4],
      [4, 4],
    ];
    for (const [r, m] of cases) {
      const g = reedMullerGenerator(r, m);
      expect(minimumNonzeroWeight(codewordWeights(g))).toBe(rmMinimumDistance(r, m));
    }
    // RM(1,5): weights 0, 16 and 32 only (the first-order code is two-weight).
    const w = codewordWeights(reedMullerGenerator(1, 5));
    expect(new Set(w)).toEqual(new Set([0, 16, 32]));
  });

  it('picks the smallest order with 2^k >= N', () => {
    expect(rmOrderFor(7, 6)).toBe(1); // N = 100 in n = 64: RM(1,6), k = 7
    expect(rmOrderFor(7, 4)).toBe(2); // N = 100 in n = 16: RM(2,4), k = 11
    expect(rmOrderFor(10, 6)).toBe(2); // N = 1000 in n = 64: RM(2,6), k = 22
    expect(rmOrderFor(10, 9)).toBe(1);
    expect(rmOrderFor(9, 3)).toBeNull(); // RM(3,3) has only 2^8 words
  });

  it('makes distinct rows in RM(1,m) orthogonal or antipodal as binary words (distance n/2 or n)', () => {
    const g = reedMullerGenerator(1, 4);
    for (let i = 1; i < g.count; i++) expect(hammingDistance(g, 0, i)).toBe(8);
  });
});
