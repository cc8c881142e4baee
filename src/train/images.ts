/**
 * CIFAR bytes (official CHW layout: 1024 red, 1024 green, 1024 blue) to the NHWC floats
 * TensorFlow.js convolutions take, with a per-channel affine map (x - offset) * scale.
 */
export const SIDE = 32;
export const CHANNELS = 3;
export const PIXELS = SIDE * SIDE * CHANNELS;

export interface ChannelMap {
  readonly offset: readonly [number, number, number];
  readonly scale: readonly [number, number, number];
}

/** Raw byte values 0..255. */
export const RAW: ChannelMap = { offset: [0, 0, 0], scale: [1, 1, 1] };

/** Writes images `indices` of `pixels` into `out` (indices.length x 32 x 32 x 3). */
export function toNhwc(
  pixels: Uint8Array,
  indices: ArrayLike<number>,
  map: ChannelMap = RAW,
  out: Float32Array = new Float32Array(indices.length * PIXELS),
): Float32Array {
  const plane = SIDE * SIDE;
  for (let b = 0; b < indices.length; b++) {
    const src = indices[b] * PIXELS;
    const dst = b * PIXELS;
    for (let c = 0; c < CHANNELS; c++) {
      const o = map.offset[c];
      const s = map.scale[c];
      for (let p = 0; p < plane; p++) {
        out[dst + p * CHANNELS + c] = (pixels[src + c * plane + p] - o) * s;
      }
    }
  }
  return out;
}

/** Per-channel mean and 1/std over a whole split: inputs near zero mean, unit variance. */
export function standardisingMap(pixels: Uint8Array, count: number): ChannelMap {
  const plane = SIDE * SIDE;
  const sum = [0, 0, 0];
  const sq = [0, 0, 0];
  for (let i = 0; i < count; i++) {
    for (let c = 0; c < CHANNELS; c++) {
      const base = i * PIXELS + c * plane;
      for (let p = 0; p < plane; p++) {
        const v = pixels[base + p];
        sum[c] += v;
        sq[c] += v * v;
      }
    }
  }
  const m = count * plane;
  const mean = sum.map((s) => s / m);
  const scale = sq.map((q, c) => 1 / Math.sqrt(Math.max(q / m - mean[c] ** 2, 1e-6)));
  return {
    offset: [mean[0], mean[1], mean[2]],
    scale: [scale[0], scale[1], scale[2]],
  };
}

/** 0, 1, ..., count - 1. */
export function range(start: number, end: number): Int32Array {
  const out = new Int32Array(Math.max(0, end - start));
  for (let i = 0; i < out.length; i++) out[i] = start + i;
  return out;
}
