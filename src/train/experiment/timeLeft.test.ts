import { describe, expect, it } from 'vitest';
import { shareDone, timeLeft } from './timeLeft.ts';

describe('time left, in words', () => {
  it('counts finished runs and the running one’s fraction', () => {
    expect(
      shareDone({ stage: 'run', key: 'k', index: 1, count: 3, fraction: 0.5 }, 2, 5),
    ).toBeCloseTo(3.5 / 5, 12);
    expect(shareDone({ stage: 'features', done: 10, total: 100 }, 0, 4)).toBe(0);
    expect(shareDone(null, 1, 4)).toBe(0);
  });

  it('extrapolates the pace, rounded coarsely, and says nothing too early', () => {
    // A quarter in 20 s: 60 s to go.
    expect(timeLeft(20_000, 0.25, 0.75)).toBe('about 60 s left');
    expect(timeLeft(20_000, 0.5, 0.5)).toBe('about 20 s left');
    expect(timeLeft(60_000, 0.25, 0.75)).toBe('about 3 min left');
    expect(timeLeft(5_000, 0.9, 0.1)).toBe('a few seconds left');
    // Resumed with half done before: this page did 0.25 in 20 s, 0.25 is left.
    expect(timeLeft(20_000, 0.25, 0.25)).toBe('about 20 s left');
    expect(timeLeft(5_000, 0.05, 0.95)).toBeNull();
    expect(timeLeft(5_000, 1, 0)).toBeNull();
  });
});
