import { describe, expect, it } from 'vitest';
import { hammingDistance } from '../math/binaryWords.ts';
import { kerdockSet, nordstromRobinsonWords } from './nordstromRobinson.ts';

describe('the Nordstrom-Robinson code', () => {
  it('has 256 words of length 16 at minimum distance 6 (so all distinct)', () => {
    const words = nordstromRobinsonWords();
    expect([words.count, words.length]).toEqual([256, 16]);
    let min = 16;
    for (let i = 0; i < 256; i++) {
      for (let j = i + 1; j < 256; j++) min = Math.min(min, hammingDistance(words, i, j));
    }
    expect(min).toBe(6);
  });

  it('has the distance distribution 1, 112, 30, 112, 1 (at 0, 6, 8, 10, 16) from every word', () => {
    const words = nordstromRobinsonWords();
    for (const from of [0, 37, 255]) {
      const counts = new Map<number, number>();
      for (let w = 0; w < words.count; w++) {
        const d = hammingDistance(words, w, from);
        counts.set(d, (counts.get(d) ?? 0) + 1);
      }
      expect([...counts.entries()].sort((a, b) => a[0] - b[0])).toEqual([
        [0, 1],
        [6, 112],
        [8, 30],
        [10, 112],
        [16, 1],
      ]);
    }
  });

  it('comes from 8 quadratic forms, 0 among them', () => {
    const set = kerdockSet();
    expect(set).toHaveLength(8);
    expect(set[0]).toBe(0);
  });
});
