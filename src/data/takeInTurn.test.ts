import { describe, expect, it } from 'vitest';
import { takeInTurn } from './takeInTurn.ts';

describe('takeInTurn', () => {
  it('takes the first image of every class, then the second, up to max', () => {
    expect(takeInTurn(Uint8Array.of(0, 1, 0, 1, 2, 2), 3, 4)).toEqual([0, 1, 4, 2]);
    expect(takeInTurn(Uint8Array.of(0, 1, 0, 1, 2, 2), 3, 20)).toEqual([0, 1, 4, 2, 3, 5]);
    // More classes than places: one image of each of the first classes.
    expect(takeInTurn(Uint8Array.of(2, 1, 0), 3, 2)).toEqual([2, 1]);
  });
});
