import { describe, expect, it } from 'vitest';
import { hammingWeight } from '../math/binaryWords.ts';
import { bchCode, bchCodes } from './bch.ts';
import { encodeMessages, messageIndex, rankGF2 } from './gf2.ts';
import { codewordWeights } from './linearCode.ts';
import { reedMullerCode } from './reedMuller.ts';
import {
  candidateBasis,
  firstMessages,
  greedyCandidateDimension,
  greedySelection,
  minPairwiseDistance,
  randomMessages,
  selectionMinimumDistance,
  selectMessages,
} from './select.ts';

const indices = (m: ReturnType<typeof firstMessages>) =>
  Array.from({ length: m.count }, (_, i) => messageIndex(m, i));

describe('codeword selection', () => {
  it("'first' takes messages 0..N-1 in order", () => {
    expect(indices(firstMessages(5, 7))).toEqual([0, 1, 2, 3, 4]);
    expect(() => firstMessages(129, 7)).toThrow(RangeError);
  });

  it("'random' draws distinct messages, the same for the same seed", () => {
    for (const [N, k] of [
      [100, 7], // dense: partial shuffle
      [100, 15], // sparse: rejection
      [50, 45], // more than 32 message bits
    ]) {
      const a = indices(randomMessages(N, k, 7));
      expect(indices(randomMessages(N, k, 7))).toEqual(a);
      expect(indices(randomMessages(N, k, 8))).not.toEqual(a);
      expect(new Set(a).size).toBe(N);
      for (const x of a) expect(x).toBeLessThan(2 ** k);
    }
    expect(new Set(indices(randomMessages(128, 7, 1))).size).toBe(128); // every message
  });

  it("'greedy' starts at 0, then takes the farthest codeword (all-ones for RM), deterministically", () => {
    const code = reedMullerCode(2, 4);
    const weights = codewordWeights(code.generator);
    const sel = greedySelection(code, 100, { weights });
    const idx = indices(sel.messages);
    expect(idx[0]).toBe(0);
    expect(idx[1]).toBe(1); // message 1 = the all-ones row, weight 16
    expect(new Set(idx).size).toBe(100);
    expect(indices(greedySelection(code, 100, { weights }).messages)).toEqual(idx);
    const words = encodeMessages(code.generator, sel.messages);
    expect(minPairwiseDistance(words)).toBe(sel.minDistance);
    expect(sel.minDistance).toBe(6); // 'first' gets the code's d = 4
    expect(
      selectionMinimumDistance(
        code,
        firstMessages(100, 11),
        encodeMessages(code.generator, firstMessages(100, 11)),
        weights,
      ),
    ).toBe(4);
  });

  it('falls back to a seeded subcode when 2^k is too large to scan, keeping the leading rows', () => {
    const code = reedMullerCode(2, 6); // k = 22 > 20
    const K = greedyCandidateDimension(code, 40);
    expect(K).toBe(20);
    const basis = candidateBasis(22, K, 7, 5);
    expect(rankGF2(basis)).toBe(K);
    for (let i = 0; i < 7; i++) expect(messageIndex(basis, i)).toBe(2 ** i);
    const sel = greedySelection(code, 40, { seed: 5, keepRows: 7 });
    const words = encodeMessages(code.generator, sel.messages);
    expect(minPairwiseDistance(words)).toBe(sel.minDistance);
    expect(sel.minDistance).toBeGreaterThanOrEqual(16);
    expect(hammingWeight(words, 0)).toBe(0);
    const again = greedySelection(code, 40, { seed: 5, keepRows: 7 });
    expect(Array.from(again.messages.bits)).toEqual(Array.from(sel.messages.bits));
  });

  it('measures the minimum distance of a selection exactly by every route', () => {
    const params = bchCodes(6).find((c) => c.k === 10);
    if (!params) throw new Error('missing code');
    const code = bchCode(params);
    const weights = codewordWeights(code.generator);
    for (const rule of ['first', 'random'] as const) {
      const m = selectMessages(code, 300, rule, { seed: 2 });
      const words = encodeMessages(code.generator, m);
      const brute = minPairwiseDistance(words);
      expect(selectionMinimumDistance(code, m, words, weights)).toBe(brute);
      expect(selectionMinimumDistance(code, m, words, null)).toBe(brute);
    }
  });
});
