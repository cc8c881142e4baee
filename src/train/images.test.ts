import { describe, expect, it } from 'vitest';
import { PIXELS, range, standardisingMap, toNhwc } from './images.ts';

/** One image whose byte at (channel c, pixel p) is (c * 7 + p) mod 256. */
function image(): Uint8Array {
  const out = new Uint8Array(PIXELS);
  for (let c = 0; c < 3; c++) for (let p = 0; p < 1024; p++) out[c * 1024 + p] = (c * 7 + p) % 256;
  return out;
}

describe('toNhwc', () => {
  it('moves CHW bytes to HWC floats', () => {
    const pixels = new Uint8Array(2 * PIXELS);
    pixels.set(image(), PIXELS); // image 1
    const out = toNhwc(pixels, [1]);
    // Pixel (row 2, column 5) = p 69: channels 69, 76, 83.
    const at = (2 * 32 + 5) * 3;
    expect(Array.from(out.subarray(at, at + 3))).toEqual([69, 76, 83]);
    expect(out.length).toBe(PIXELS);
  });

  it('applies (x - offset) * scale per channel', () => {
    const out = toNhwc(image(), [0], { offset: [1, 2, 3], scale: [2, 3, 4] });
    expect(Array.from(out.subarray(0, 3))).toEqual([(0 - 1) * 2, (7 - 2) * 3, (14 - 3) * 4]);
  });
});

describe('standardisingMap', () => {
  it('finds the mean and 1/std of each channel', () => {
    // Two images: red all 10 / all 30 (mean 20, std 10), green all 5, blue 0 and 255.
    const pixels = new Uint8Array(2 * PIXELS);
    pixels.fill(10, 0, 1024);
    pixels.fill(5, 1024, 2048);
    pixels.fill(30, PIXELS, PIXELS + 1024);
    pixels.fill(5, PIXELS + 1024, PIXELS + 2048);
    pixels.fill(255, PIXELS + 2048, 2 * PIXELS);
    const map = standardisingMap(pixels, 2);
    expect(map.offset).toEqual([20, 5, 127.5]);
    expect(map.scale[0]).toBeCloseTo(0.1, 12);
    expect(map.scale[1]).toBe(1 / Math.sqrt(1e-6)); // a constant channel is not divided by zero
    expect(map.scale[2]).toBeCloseTo(1 / 127.5, 12);
  });
});

describe('range', () => {
  it('lists start..end-1', () => {
    expect(Array.from(range(3, 6))).toEqual([3, 4, 5]);
    expect(range(4, 4).length).toBe(0);
  });
});
