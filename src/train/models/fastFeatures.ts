/**
 * The fast mode's feature stage, run once before training: the fitted patch filters convolved
 * over each image (inference-only ops, in chunks, yielding between them), a soft-threshold
 * encoding max(0, r - alpha) and max(0, -r - alpha), and mean pooling over a grid x grid of
 * image regions. Output: count x (2 * filters * grid^2) numbers.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { CONTRAST_EPS, type PatchStage, type StageOptions } from './patchStage.ts';

export interface FeatureOptions extends Omit<StageOptions, 'seed'> {
  readonly stride: number;
  /** Soft threshold of the encoding (responses are on the whitened scale). */
  readonly alpha: number;
  /** Pooling regions per side. */
  readonly grid: number;
  /** Images per chunk. */
  readonly chunk: number;
  /** Also extract the training images mirrored left-right (feature-level flip augmentation). */
  readonly flips: boolean;
}

export const FAST_FEATURES: FeatureOptions = {
  patch: 6,
  // 64 filters: 128 gained about one point of accuracy for twice the time on a CPU.
  filters: 64,
  samples: 10000,
  iterations: 10,
  stride: 2,
  alpha: 0.25,
  grid: 2,
  chunk: 100,
  flips: true,
};

/** Side of the response map: valid convolution of a 32-pixel side. */
export function responseSide(patch: number, stride: number): number {
  return Math.floor((32 - patch) / stride) + 1;
}

export function featureCount(options: FeatureOptions): number {
  return 2 * options.filters * options.grid * options.grid;
}

/** Checks that the pooling grid divides the response map evenly. */
export function checkFeatureOptions(options: FeatureOptions): void {
  const side = responseSide(options.patch, options.stride);
  if (side % options.grid !== 0) {
    throw new RangeError(
      `a ${options.patch}-pixel patch at stride ${options.stride} gives a ${side} x ${side} map, which a ${options.grid} x ${options.grid} grid does not divide`,
    );
  }
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Every patch of images start..end-1 (mirrored left-right when `flip`) as a row of
 * `patch * patch * 3` numbers in filter layout ([row][column][channel]), positions row-major at the
 * given stride, with each patch's mean and mean square. Plain JavaScript: copying is cheap here,
 * and tfjs's slicing is not.
 */
export function patchRows(
  pixels: Uint8Array,
  start: number,
  end: number,
  patch: number,
  stride: number,
  flip = false,
): { rows: Float32Array; means: Float32Array; meanSquares: Float32Array } {
  const side = responseSide(patch, stride);
  const d = patch * patch * 3;
  const total = (end - start) * side * side;
  const rows = new Float32Array(total * d);
  const means = new Float32Array(total);
  const meanSquares = new Float32Array(total);
  let r = 0;
  for (let img = start; img < end; img++) {
    const base = img * 3072;
    for (let py = 0; py < side; py++) {
      for (let px = 0; px < side; px++) {
        let k = r * d;
        let sum = 0;
        let sq = 0;
        for (let dy = 0; dy < patch; dy++) {
          const row = base + (py * stride + dy) * 32;
          for (let dx = 0; dx < patch; dx++) {
            const x = px * stride + dx;
            const at = row + (flip ? 31 - x : x);
            for (let c = 0; c < 3; c++) {
              const v = pixels[at + c * 1024];
              rows[k++] = v;
              sum += v;
              sq += v * v;
            }
          }
        }
        means[r] = sum / d;
        meanSquares[r] = sq / d;
        r++;
      }
    }
  }
  return { rows, means, meanSquares };
}

/**
 * Features of `count` images: the filter responses are one matrix product (patches x filters) a
 * chunk on the tfjs backend; the per-patch normalisation, encoding and pooling run in plain
 * JavaScript on the read-back responses (they need a per-position scale that tfjs's cpu backend
 * only applies through its slow broadcasting path). `flip` mirrors the images first. Calls
 * onChunk(done) after each chunk; returns null when shouldStop() answers true between chunks.
 */
export async function extractFeatures(
  tf: typeof TF,
  stage: PatchStage,
  options: FeatureOptions,
  pixels: Uint8Array,
  count: number,
  onChunk?: (done: number) => void,
  shouldStop?: () => boolean,
  flip = false,
): Promise<Float32Array | null> {
  checkFeatureOptions(options);
  const { patch, filters, stride } = options;
  const d = patch * patch * 3;
  const width = featureCount(options);
  // Filter j minus sum_j / d: its response is <w_j, x> - mu * sum_j, the mean already removed.
  const centred = new Float32Array(stage.weights.length);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < filters; j++) {
      centred[i * filters + j] = stage.weights[i * filters + j] - stage.weightSums[j] / d;
    }
  }
  const kernel = tf.tensor2d(centred, [d, filters]);
  const out = new Float32Array(count * width);
  try {
    for (let start = 0; start < count; start += options.chunk) {
      if (shouldStop?.()) return null;
      const end = Math.min(count, start + options.chunk);
      const { rows, means, meanSquares } = patchRows(pixels, start, end, patch, stride, flip);
      const responses = tf.tidy(() => tf.matMul(tf.tensor2d(rows, [means.length, d]), kernel));
      try {
        encodeAndPool(
          (await responses.data()) as Float32Array,
          means,
          meanSquares,
          stage.bias,
          options,
          out.subarray(start * width, end * width),
        );
      } finally {
        responses.dispose();
      }
      onChunk?.(end);
      await yieldToEventLoop();
    }
  } finally {
    kernel.dispose();
  }
  return out;
}

/**
 * For each image and position: r_j = response_j / sqrt(variance + CONTRAST_EPS) + bias_j, then
 * max(0, r_j - alpha) and max(0, -r_j - alpha) averaged over each pooling cell. Output layout per
 * image: [cell row][cell column][positive parts of the filters, negative parts].
 */
export function encodeAndPool(
  responses: Float32Array,
  means: Float32Array,
  meanSquares: Float32Array,
  bias: Float32Array,
  options: FeatureOptions,
  out: Float32Array,
): void {
  const { filters, grid, alpha } = options;
  const side = responseSide(options.patch, options.stride);
  const cell = side / grid;
  const positions = side * side;
  const width = featureCount(options);
  const images = means.length / positions;
  const share = 1 / (cell * cell);
  out.fill(0);
  for (let b = 0; b < images; b++) {
    for (let py = 0; py < side; py++) {
      for (let px = 0; px < side; px++) {
        const at = b * positions + py * side + px;
        const variance = Math.max(meanSquares[at] - means[at] * means[at], 0);
        const inv = 1 / Math.sqrt(variance + CONTRAST_EPS);
        const o = b * width + (Math.floor(py / cell) * grid + Math.floor(px / cell)) * 2 * filters;
        const r0 = at * filters;
        for (let j = 0; j < filters; j++) {
          const r = responses[r0 + j] * inv + bias[j];
          if (r > alpha) out[o + j] += (r - alpha) * share;
          else if (r < -alpha) out[o + filters + j] += (-r - alpha) * share;
        }
      }
    }
  }
}

/** Per-feature mean and 1/std over the training rows (constant features get scale 0). */
export function fitStandardiser(
  rows: Float32Array,
  width: number,
): { mean: Float64Array; scale: Float64Array } {
  const count = rows.length / width;
  const mean = new Float64Array(width);
  const sq = new Float64Array(width);
  for (let r = 0; r < rows.length; r += width) {
    for (let i = 0; i < width; i++) {
      mean[i] += rows[r + i];
      sq[i] += rows[r + i] * rows[r + i];
    }
  }
  const scale = new Float64Array(width);
  for (let i = 0; i < width; i++) {
    mean[i] /= count;
    const variance = sq[i] / count - mean[i] * mean[i];
    scale[i] = variance > 1e-12 ? 1 / Math.sqrt(variance) : 0;
  }
  return { mean, scale };
}

/** In place: (x - mean) * scale, feature by feature. */
export function standardise(
  rows: Float32Array,
  width: number,
  s: { mean: Float64Array; scale: Float64Array },
): void {
  for (let r = 0; r < rows.length; r += width) {
    for (let i = 0; i < width; i++) rows[r + i] = (rows[r + i] - s.mean[i]) * s.scale[i];
  }
}
