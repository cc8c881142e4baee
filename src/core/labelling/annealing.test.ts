import { describe, expect, it } from 'vitest';
import { annealedTemperature } from './annealing.ts';

describe('annealedTemperature', () => {
  it('goes geometrically from start to end: 1, 0.1, 0.01 over three epochs', () => {
    const schedule = { start: 1, end: 0.01 };
    expect(annealedTemperature(0, 3, schedule)).toBe(1);
    expect(annealedTemperature(1, 3, schedule)).toBeCloseTo(0.1, 15);
    expect(annealedTemperature(2, 3, schedule)).toBe(0.01);
  });

  it('keeps a constant ratio between consecutive epochs', () => {
    const schedule = { start: 5, end: 0.05 };
    const t = Array.from({ length: 11 }, (_, e) => annealedTemperature(e, 11, schedule));
    for (let e = 1; e < 11; e++) expect(t[e] / t[e - 1]).toBeCloseTo(0.01 ** 0.1, 12);
  });

  it('uses the end temperature for a single epoch and rejects bad input', () => {
    expect(annealedTemperature(0, 1, { start: 2, end: 0.5 })).toBe(0.5);
    expect(() => annealedTemperature(3, 3, { start: 1, end: 0.1 })).toThrow(/epoch must be/);
    expect(() => annealedTemperature(0, 0, { start: 1, end: 0.1 })).toThrow(/epochs must be/);
    expect(() => annealedTemperature(0, 3, { start: 0, end: 0.1 })).toThrow(/temperatures/);
  });
});
