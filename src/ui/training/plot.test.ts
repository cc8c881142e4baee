import { describe, expect, it } from 'vitest';
import { valueAxis } from './plot.ts';

describe('valueAxis', () => {
  it('ends a data-led axis at the first round tick at or above the data', () => {
    // ln 10: the loss of a 10-class softmax that knows nothing yet.
    expect(valueAxis(0, 8.9, true)).toEqual({ min: 0, max: 10, ticks: [0, 2, 4, 6, 8, 10] });
    expect(valueAxis(0, Math.LN10, true)).toEqual({
      min: 0,
      max: 2.5,
      ticks: [0, 0.5, 1, 1.5, 2, 2.5],
    });
    expect(valueAxis(0, 0.37, true)).toEqual({ min: 0, max: 0.4, ticks: [0, 0.1, 0.2, 0.3, 0.4] });
  });

  it('keeps a round top where the data ends on a tick', () => {
    expect(valueAxis(0, 6, true)).toEqual({ min: 0, max: 6, ticks: [0, 2, 4, 6] });
  });

  it('splits a fixed range in quarters', () => {
    expect(valueAxis(0, 1, false)).toEqual({ min: 0, max: 1, ticks: [0, 0.25, 0.5, 0.75, 1] });
  });

  it('gives an empty or flat range a unit height', () => {
    expect(valueAxis(0, 0, true)).toEqual({ min: 0, max: 1, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
  });
});
