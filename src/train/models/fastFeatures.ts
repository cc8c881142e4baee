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

/** Patches as rows in filter layout, with each patch's mean and mean square. */
export interface PatchRows {
  readonly rows: Float32Array;
  readonly means: Float32Array;
  readonly meanSquares: Float32Array;
}

/**
 * Every patch of images start..end-1 (mirrored left-right when `flip`) as a row of
 * `patch * patch * 3` numbers in filter layout ([row][column][channel]), positions row-major at the
 * given stride, with each patch's mean and mean square. Plain JavaScript: copying is cheap here,
 * and tfjs's slicing is not. Each image is first interleaved (CHW to HWC, mirrored if asked), so
 * a patch row is one run of `patch * 3` consecutive numbers; the means come from box sums over a
 * summed-area table of per-pixel sums instead of from every patch value again (this function was
 * half the feature pass once the product moved to WebAssembly). `into` (at least as long as
 * needed) is reused instead of new arrays: Chromium hands every fresh multi-megabyte buffer over
 * as new pages, which cost more than filling them (0.3 against 0.07 ms an image here).
 */
export function patchRows(
  pixels: Uint8Array,
  start: number,
  end: number,
  patch: number,
  stride: number,
  flip = false,
  into?: PatchRows,
): PatchRows {
  const side = responseSide(patch, stride);
  const d = patch * patch * 3;
  const run = patch * 3;
  const total = (end - start) * side * side;
  const rows = into ? into.rows.subarray(0, total * d) : new Float32Array(total * d);
  const means = into ? into.means.subarray(0, total) : new Float32Array(total);
  const meanSquares = into ? into.meanSquares.subarray(0, total) : new Float32Array(total);
  const hwc = new Float32Array(3072);
  // Summed-area tables of each pixel's channel sum and sum of squares: 33 x 33, row 0 and
  // column 0 zero, so a box sum is four lookups.
  const sums = new Float64Array(33 * 33);
  const squares = new Float64Array(33 * 33);
  let r = 0;
  for (let img = start; img < end; img++) {
    const base = img * 3072;
    for (let y = 0; y < 32; y++) {
      let rowSum = 0;
      let rowSquare = 0;
      for (let x = 0; x < 32; x++) {
        const from = base + y * 32 + (flip ? 31 - x : x);
        const red = pixels[from];
        const green = pixels[from + 1024];
        const blue = pixels[from + 2048];
        const to = (y * 32 + x) * 3;
        hwc[to] = red;
        hwc[to + 1] = green;
        hwc[to + 2] = blue;
        rowSum += red + green + blue;
        rowSquare += red * red + green * green + blue * blue;
        const at = (y + 1) * 33 + x + 1;
        sums[at] = sums[at - 33] + rowSum;
        squares[at] = squares[at - 33] + rowSquare;
      }
    }
    for (let py = 0; py < side; py++) {
      const y0 = py * stride;
      for (let px = 0; px < side; px++) {
        const x0 = px * stride;
        let k = r * d;
        for (let dy = 0; dy < patch; dy++) {
          const from = ((y0 + dy) * 32 + x0) * 3;
          for (let i = 0; i < run; i++) rows[k++] = hwc[from + i];
        }
        const a = y0 * 33 + x0;
        const b = (y0 + patch) * 33 + x0;
        means[r] = (sums[b + patch] - sums[b] - sums[a + patch] + sums[a]) / d;
        meanSquares[r] = (squares[b + patch] - squares[b] - squares[a + patch] + squares[a]) / d;
        r++;
      }
    }
  }
  return { rows, means, meanSquares };
}

/**
 * Features of `count` images: the filter responses are one matrix product (patches x filters) a
 * chunk on the tfjs backend. On the cpu backend the per-patch normalisation, encoding and pooling
 * then run in plain JavaScript on the read-back responses (they need a per-position scale that
 * the cpu backend only applies through its slow broadcasting path); on any other backend
 * (WebAssembly, GPUs) they run there too, and only the pooled features are read back. `flip`
 * mirrors the images first. Calls onChunk(done) after each chunk; returns null when shouldStop()
 * answers true between chunks.
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
  // The cpu backend broadcasts slowly: there the encoding runs in plain JavaScript instead.
  const onBackend = tf.getBackend() !== 'cpu';
  const bias = onBackend ? tf.tensor1d(stage.bias) : null;
  const out = new Float32Array(count * width);
  const positions = options.chunk * responseSide(patch, stride) ** 2;
  const scratch: PatchRows = {
    rows: new Float32Array(positions * d),
    means: new Float32Array(positions),
    meanSquares: new Float32Array(positions),
  };
  try {
    for (let start = 0; start < count; start += options.chunk) {
      if (shouldStop?.()) return null;
      const end = Math.min(count, start + options.chunk);
      const { rows, means, meanSquares } = patchRows(
        pixels,
        start,
        end,
        patch,
        stride,
        flip,
        scratch,
      );
      const target = out.subarray(start * width, end * width);
      if (bias) {
        const features = encodeAndPoolOnBackend(
          tf,
          rows,
          kernel,
          means,
          meanSquares,
          bias,
          options,
        );
        try {
          target.set((await features.data()) as Float32Array);
        } finally {
          features.dispose();
        }
      } else {
        const responses = tf.tidy(() => tf.matMul(tf.tensor2d(rows, [means.length, d]), kernel));
        try {
          encodeAndPool(
            (await responses.data()) as Float32Array,
            means,
            meanSquares,
            stage.bias,
            options,
            target,
          );
        } finally {
          responses.dispose();
        }
      }
      onChunk?.(end);
      await yieldToEventLoop();
    }
  } finally {
    kernel.dispose();
    bias?.dispose();
  }
  return out;
}

/**
 * encodeAndPool as tfjs ops on the active backend, from the patch rows: the product, the contrast
 * scale and bias, the two thresholded halves and a cell x cell average pool. Reads back 2 x
 * filters x grid^2 numbers an image instead of filters x side^2 (25 times fewer at the defaults):
 * on WebAssembly and on GPUs the read-back copy, not the arithmetic, was the cost.
 */
function encodeAndPoolOnBackend(
  tf: typeof TF,
  rows: Float32Array,
  kernel: TF.Tensor2D,
  means: Float32Array,
  meanSquares: Float32Array,
  bias: TF.Tensor1D,
  options: FeatureOptions,
): TF.Tensor2D {
  const { filters, grid, alpha } = options;
  const side = responseSide(options.patch, options.stride);
  const cell = side / grid;
  const positions = means.length;
  const images = positions / (side * side);
  const scale = new Float32Array(positions);
  for (let p = 0; p < positions; p++) {
    const variance = Math.max(meanSquares[p] - means[p] * means[p], 0);
    scale[p] = 1 / Math.sqrt(variance + CONTRAST_EPS);
  }
  return tf.tidy(() => {
    const d = rows.length / positions;
    const responses = tf.matMul(tf.tensor2d(rows, [positions, d]), kernel);
    const r = tf.add(tf.mul(responses, tf.tensor2d(scale, [positions, 1])), bias);
    const pool = (x: TF.Tensor2D) =>
      tf.avgPool(tf.reshape(x, [images, side, side, filters]) as TF.Tensor4D, cell, cell, 'valid');
    const positive = pool(tf.relu(tf.sub(r, alpha)));
    const negative = pool(tf.relu(tf.sub(tf.neg(r), alpha)));
    // [image][cell row][cell column][positive parts, negative parts], as encodeAndPool writes.
    return tf.reshape(tf.concat([positive, negative], 3), [images, 2 * filters * grid * grid]);
  });
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
