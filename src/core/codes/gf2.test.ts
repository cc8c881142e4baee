import { describe, expect, it } from 'vitest';
import { hammingWeight, wordsFromArrays, wordToArray } from '../math/binaryWords.ts';
import {
  appendParityBit,
  encodeIndex,
  encodeMessages,
  messageIndex,
  messagesFromIndices,
  rankGF2,
  truncateWords,
} from './gf2.ts';

const G = wordsFromArrays([
  [1, 1, 1, 1, 0],
  [0, 1, 0, 1, 1],
  [0, 0, 1, 1, 0],
]);

describe('GF(2) helpers', () => {
  it('encodes message bits least significant first as message times G mod 2', () => {
    const words = encodeMessages(G, messagesFromIndices([0, 1, 2, 3, 4, 7], 3));
    expect(wordToArray(words, 0)).toEqual([0, 0, 0, 0, 0]);
    expect(wordToArray(words, 1)).toEqual([1, 1, 1, 1, 0]); // row 0
    expect(wordToArray(words, 2)).toEqual([0, 1, 0, 1, 1]); // row 1
    expect(wordToArray(words, 3)).toEqual([1, 0, 1, 0, 1]); // rows 0 + 1
    expect(wordToArray(words, 4)).toEqual([0, 0, 1, 1, 0]); // row 2
    expect(wordToArray(words, 5)).toEqual([1, 0, 0, 1, 1]); // rows 0 + 1 + 2
    expect(Array.from(encodeIndex(G, 3))).toEqual([words.bits[3]]);
  });

  it('round-trips message indices beyond 32 bits', () => {
    const idx = [0, 1, 2 ** 35 + 5, 2 ** 40 - 1];
    const m = messagesFromIndices(idx, 40);
    expect(idx.map((_, i) => messageIndex(m, i))).toEqual(idx);
    expect(() => messagesFromIndices([2 ** 40], 40)).toThrow(RangeError);
  });

  it('computes ranks', () => {
    expect(rankGF2(G)).toBe(3);
    expect(
      rankGF2(
        wordsFromArrays([
          [1, 1, 0],
          [0, 1, 1],
          [1, 0, 1],
        ]),
      ),
    ).toBe(2);
    expect(
      rankGF2(
        wordsFromArrays([
          [0, 0],
          [0, 0],
        ]),
      ),
    ).toBe(0);
  });

  it('truncates words and clears the bits past the new end', () => {
    const long = wordsFromArrays([Array.from({ length: 40 }, () => 1)]);
    const t = truncateWords(long, 33);
    expect(t.length).toBe(33);
    expect(hammingWeight(t, 0)).toBe(33);
  });

  it('appends a parity bit that makes every weight even', () => {
    const ext = appendParityBit(
      encodeMessages(G, messagesFromIndices([0, 1, 2, 3, 4, 5, 6, 7], 3)),
    );
    expect(ext.length).toBe(6);
    for (let i = 0; i < 8; i++) expect(hammingWeight(ext, i) % 2).toBe(0);
    const w32 = appendParityBit(
      wordsFromArrays([Array.from({ length: 32 }, (_, t) => (t === 3 ? 1 : 0))]),
    );
    expect(wordToArray(w32, 0)[32]).toBe(1); // the parity bit opens a new Uint32
  });
});
