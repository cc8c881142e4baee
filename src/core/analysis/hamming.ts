import type { BinaryWords } from '../math/binaryWords.ts';
import { getBit, hammingDistance } from '../math/binaryWords.ts';

/** Word i as a string of 0s and 1s (bit 0 first), cut to `maxBits` with an ellipsis. */
export function bitString(words: BinaryWords, i: number, maxBits = 64): string {
  const L = Math.min(words.length, maxBits);
  let s = '';
  for (let t = 0; t < L; t++) s += getBit(words, i, t) ? '1' : '0';
  return words.length > maxBits ? `${s}…` : s;
}

/** Hamming distances among the first `count` words, with the exact cosines 1 - 2d/L. */
export function hammingWindow(
  words: BinaryWords,
  count: number,
): { distances: number[][]; cosines: number[][] } {
  const m = Math.min(count, words.count);
  const distances: number[][] = [];
  const cosines: number[][] = [];
  for (let i = 0; i < m; i++) {
    const d: number[] = [];
    const c: number[] = [];
    for (let j = 0; j < m; j++) {
      const h = i === j ? 0 : hammingDistance(words, i, j);
      d.push(h);
      c.push(1 - (2 * h) / words.length);
    }
    distances.push(d);
    cosines.push(c);
  }
  return { distances, cosines };
}
