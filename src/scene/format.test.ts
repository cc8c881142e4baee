import { describe, expect, it } from 'vitest';
import { fixed } from './format.ts';

describe('fixed', () => {
  it('rounds to the given digits', () => {
    expect(fixed(-1 / 3, 4)).toBe('-0.3333');
    expect(fixed(109.47122, 2)).toBe('109.47');
  });
  it('never shows a negative zero', () => {
    expect(fixed(-1e-17, 4)).toBe('0.0000');
    expect(fixed(-0, 0)).toBe('0');
    expect(fixed(-0.00004, 4)).toBe('0.0000');
  });
});
