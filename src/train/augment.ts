/**
 * Augmentation for the end-to-end CNN, on NHWC float batches: a random horizontal flip and a
 * random shift of up to `pad` pixels each way (a crop of the zero-padded image; zero is the mean
 * after standardisation). Seeded through the caller's Random, so runs repeat exactly.
 */
import type { Random } from '../core/math/random.ts';
import { CHANNELS, PIXELS, SIDE } from './images.ts';

export interface ImageMove {
  readonly flip: boolean;
  /** The output pixel (y, x) reads input pixel (y + dy, x' + dx), x' the flipped column. */
  readonly dx: number;
  readonly dy: number;
}

/** Draws one move: flip with probability 1/2, shifts uniform in -pad..pad. */
export function drawMove(rng: Random, pad: number): ImageMove {
  const flip = rng.next() < 0.5;
  const dx = rng.int(2 * pad + 1) - pad;
  const dy = rng.int(2 * pad + 1) - pad;
  return { flip, dx, dy };
}

/** Applies `move` to image b of `batch` in place (`scratch` holds one image). */
export function moveImage(
  batch: Float32Array,
  b: number,
  move: ImageMove,
  scratch: Float32Array = new Float32Array(PIXELS),
): void {
  const base = b * PIXELS;
  scratch.set(batch.subarray(base, base + PIXELS));
  for (let y = 0; y < SIDE; y++) {
    const sy = y + move.dy;
    for (let x = 0; x < SIDE; x++) {
      const sx = (move.flip ? SIDE - 1 - x : x) + move.dx;
      const dst = base + (y * SIDE + x) * CHANNELS;
      const inside = sy >= 0 && sy < SIDE && sx >= 0 && sx < SIDE;
      const src = (sy * SIDE + sx) * CHANNELS;
      for (let c = 0; c < CHANNELS; c++) batch[dst + c] = inside ? scratch[src + c] : 0;
    }
  }
}

/** Augments every image of a batch of `count` images in place. */
export function augmentBatch(batch: Float32Array, count: number, rng: Random, pad = 4): void {
  const scratch = new Float32Array(PIXELS);
  for (let b = 0; b < count; b++) moveImage(batch, b, drawMove(rng, pad), scratch);
}
