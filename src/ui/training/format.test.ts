import { describe, expect, it } from 'vitest';
import { rateText } from './format.ts';

describe('training numbers in words', () => {
  it('writes rates with two significant digits below 100, whole numbers above, never 1.0e+2', () => {
    expect(rateText(99.97)).toBe('100 images/s');
    expect(rateText(42.34)).toBe('42 images/s');
    expect(rateText(0.5)).toBe('0.5 images/s');
    expect(rateText(6348.4)).toBe('6,348 images/s');
    expect(rateText(0)).toBe('–');
  });
});
