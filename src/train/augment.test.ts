import { describe, expect, it } from 'vitest';
import { createRandom } from '../core/math/random.ts';
import { augmentBatch, drawMove, moveImage } from './augment.ts';
import { PIXELS } from './images.ts';

/** Image whose value at (y, x, c) is y * 1000 + x * 10 + c + 1 (never 0). */
function coded(): Float32Array {
  const out = new Float32Array(PIXELS);
  for (let y = 0; y < 32; y++)
    for (let x = 0; x < 32; x++)
      for (let c = 0; c < 3; c++) out[(y * 32 + x) * 3 + c] = y * 1000 + x * 10 + c + 1;
  return out;
}
const at = (img: Float32Array, y: number, x: number, c: number) => img[(y * 32 + x) * 3 + c];

describe('moveImage', () => {
  it('flips columns: output (y, x) = input (y, 31 - x)', () => {
    const img = coded();
    moveImage(img, 0, { flip: true, dx: 0, dy: 0 });
    expect(at(img, 4, 0, 2)).toBe(4 * 1000 + 31 * 10 + 3);
    expect(at(img, 4, 31, 0)).toBe(4 * 1000 + 0 + 1);
  });

  it('shifts and fills outside pixels with zero', () => {
    const img = coded();
    moveImage(img, 0, { flip: false, dx: 2, dy: -1 });
    // Output (y, x) reads input (y - 1, x + 2).
    expect(at(img, 5, 7, 1)).toBe(4 * 1000 + 9 * 10 + 2);
    expect(at(img, 0, 7, 1)).toBe(0); // row -1
    expect(at(img, 5, 30, 0)).toBe(0); // column 32
    expect(at(img, 5, 29, 0)).toBe(4 * 1000 + 31 * 10 + 1);
  });

  it('moves only image b of a batch', () => {
    const batch = new Float32Array(2 * PIXELS);
    batch.set(coded(), 0);
    batch.set(coded(), PIXELS);
    moveImage(batch, 1, { flip: true, dx: 0, dy: 0 });
    expect(Array.from(batch.subarray(0, PIXELS))).toEqual(Array.from(coded()));
    expect(at(batch.subarray(PIXELS), 0, 0, 0)).toBe(31 * 10 + 1);
  });
});

describe('drawMove / augmentBatch', () => {
  it('draws shifts within -pad..pad and both flips', () => {
    const rng = createRandom(1);
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const m = drawMove(rng, 2);
      expect(Math.abs(m.dx)).toBeLessThanOrEqual(2);
      expect(Math.abs(m.dy)).toBeLessThanOrEqual(2);
      seen.add(`${m.flip} ${m.dx} ${m.dy}`);
    }
    expect(seen.size).toBe(2 * 5 * 5);
  });

  it('is reproducible from the seed', () => {
    const a = coded();
    const b = coded();
    augmentBatch(a, 1, createRandom(7));
    augmentBatch(b, 1, createRandom(7));
    expect(Array.from(a)).toEqual(Array.from(b));
  });
});
