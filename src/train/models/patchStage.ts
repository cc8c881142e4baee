/**
 * Learning the fast mode's fixed convolutional stage from the training images, after Coates, Lee
 * and Ng (2011) and Coates and Ng (2012): random patches, each normalised for brightness and
 * contrast, ZCA-whitened, clustered by spherical k-means. The centroids, mapped back through the
 * whitening, become convolution filters. Plain JavaScript; every random choice is seeded.
 */
import { createRandom, type Random } from '../../core/math/random.ts';
import { symmetricEigen } from './eigen.ts';

export interface StageOptions {
  /** Patch side in pixels. */
  readonly patch: number;
  /** Number of filters (k-means centroids). */
  readonly filters: number;
  /** Patches drawn to fit the stage. */
  readonly samples: number;
  /** k-means iterations. */
  readonly iterations: number;
  readonly seed: number;
}

/** Added to each patch's variance before dividing by its square root (pixel scale 0..255). */
export const CONTRAST_EPS = 10;
/** Added to the eigenvalues before whitening (after contrast normalisation). */
export const WHITEN_EPS = 0.1;

/**
 * The stage's linear part. For a patch x (layout [row][column][channel]) with mean mu and
 * variance v, filter j responds r_j = (<w_j, x> - mu * sum_j) / sqrt(v + CONTRAST_EPS) + bias_j,
 * which equals <d_j, W(x_norm - m)>: the centroid's similarity to the whitened patch.
 */
export interface PatchStage {
  readonly patch: number;
  readonly filters: number;
  /** patch x patch x 3 x filters, tfjs conv2d filter layout. */
  readonly weights: Float32Array;
  /** Sum of each filter's weights. */
  readonly weightSums: Float32Array;
  readonly bias: Float32Array;
}

const PLANE = 1024;
const IMAGE = 3072;

/** `samples` patches at random images and places; rows of patch*patch*3 in filter layout. */
export function samplePatches(
  pixels: Uint8Array,
  count: number,
  patch: number,
  samples: number,
  rng: Random,
): Float64Array {
  const d = patch * patch * 3;
  const out = new Float64Array(samples * d);
  const span = 32 - patch + 1;
  for (let s = 0; s < samples; s++) {
    const base = rng.int(count) * IMAGE;
    const y0 = rng.int(span);
    const x0 = rng.int(span);
    let k = s * d;
    for (let dy = 0; dy < patch; dy++) {
      for (let dx = 0; dx < patch; dx++) {
        const at = base + (y0 + dy) * 32 + x0 + dx;
        for (let c = 0; c < 3; c++) out[k++] = pixels[at + c * PLANE];
      }
    }
  }
  return out;
}

/** In place: (x - mean) / sqrt(variance + CONTRAST_EPS) for every row of d numbers. */
export function normaliseContrast(rows: Float64Array, d: number): void {
  for (let r = 0; r < rows.length; r += d) {
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < d; i++) {
      sum += rows[r + i];
      sq += rows[r + i] * rows[r + i];
    }
    const mean = sum / d;
    const inv = 1 / Math.sqrt(Math.max(sq / d - mean * mean, 0) + CONTRAST_EPS);
    for (let i = 0; i < d; i++) rows[r + i] = (rows[r + i] - mean) * inv;
  }
}

export interface Whitening {
  readonly mean: Float64Array;
  /** d x d, symmetric: U diag(1 / sqrt(lambda + eps)) U^T. */
  readonly matrix: Float64Array;
}

/** ZCA whitening fitted to rows of d numbers. */
export function fitWhitening(rows: Float64Array, d: number, eps = WHITEN_EPS): Whitening {
  const count = rows.length / d;
  const mean = new Float64Array(d);
  for (let r = 0; r < rows.length; r += d) for (let i = 0; i < d; i++) mean[i] += rows[r + i];
  for (let i = 0; i < d; i++) mean[i] /= count;
  const cov = new Float64Array(d * d);
  const centred = new Float64Array(d);
  for (let r = 0; r < rows.length; r += d) {
    for (let i = 0; i < d; i++) centred[i] = rows[r + i] - mean[i];
    for (let i = 0; i < d; i++) {
      const ci = centred[i];
      for (let j = i; j < d; j++) cov[i * d + j] += ci * centred[j];
    }
  }
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++) {
      cov[i * d + j] /= count;
      cov[j * d + i] = cov[i * d + j];
    }
  }
  const { values, vectors } = symmetricEigen(cov, d);
  const matrix = new Float64Array(d * d);
  for (let k = 0; k < d; k++) {
    const w = 1 / Math.sqrt(Math.max(values[k], 0) + eps);
    for (let i = 0; i < d; i++) {
      const uik = vectors[i * d + k] * w;
      for (let j = 0; j < d; j++) matrix[i * d + j] += uik * vectors[j * d + k];
    }
  }
  return { mean, matrix };
}

/** In place: x -> W (x - mean). */
export function applyWhitening(rows: Float64Array, d: number, w: Whitening): void {
  const centred = new Float64Array(d);
  for (let r = 0; r < rows.length; r += d) {
    for (let i = 0; i < d; i++) centred[i] = rows[r + i] - w.mean[i];
    for (let i = 0; i < d; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += w.matrix[i * d + j] * centred[j];
      rows[r + i] = s;
    }
  }
}

/**
 * Spherical k-means (Coates and Ng 2012): each row goes to the unit centroid with the largest
 * |<centroid, row>|, weighted by that projection; centroids are re-estimated, with the old
 * centroid added so an empty cluster keeps its place, and renormalised.
 * Returns k x d unit centroids.
 */
export function sphericalKmeans(
  rows: Float64Array,
  d: number,
  k: number,
  iterations: number,
  rng: Random,
): Float64Array {
  const count = rows.length / d;
  const centroids = new Float64Array(k * d);
  for (let i = 0; i < k * d; i++) centroids[i] = rng.normal();
  normaliseRowsInPlace(centroids, d);
  const next = new Float64Array(k * d);
  for (let it = 0; it < iterations; it++) {
    next.set(centroids);
    for (let r = 0; r < count; r++) {
      const x = r * d;
      let best = 0;
      let bestProj = 0;
      for (let j = 0; j < k; j++) {
        let s = 0;
        for (let i = 0; i < d; i++) s += centroids[j * d + i] * rows[x + i];
        if (Math.abs(s) > Math.abs(bestProj)) {
          bestProj = s;
          best = j;
        }
      }
      for (let i = 0; i < d; i++) next[best * d + i] += bestProj * rows[x + i];
    }
    centroids.set(next);
    normaliseRowsInPlace(centroids, d);
  }
  return centroids;
}

function normaliseRowsInPlace(rows: Float64Array, d: number): void {
  for (let r = 0; r < rows.length; r += d) {
    let s = 0;
    for (let i = 0; i < d; i++) s += rows[r + i] ** 2;
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let i = 0; i < d; i++) rows[r + i] *= inv;
  }
}

/** Fits the stage to the training images. */
export function fitPatchStage(
  pixels: Uint8Array,
  count: number,
  options: StageOptions,
): PatchStage {
  const { patch, filters } = options;
  const d = patch * patch * 3;
  const rng = createRandom(options.seed);
  // A small training set gives few distinct patches: draw at most 100 an image.
  const rows = samplePatches(pixels, count, patch, Math.min(options.samples, 100 * count), rng);
  normaliseContrast(rows, d);
  const whitening = fitWhitening(rows, d);
  applyWhitening(rows, d, whitening);
  const centroids = sphericalKmeans(rows, d, filters, options.iterations, rng);
  return stageFromCentroids(centroids, whitening, patch, filters);
}

/** Folds the whitening into the filters: w_j = W d_j, bias_j = -<w_j, m>. */
export function stageFromCentroids(
  centroids: Float64Array,
  whitening: Whitening,
  patch: number,
  filters: number,
): PatchStage {
  const d = patch * patch * 3;
  const weights = new Float32Array(d * filters);
  const weightSums = new Float32Array(filters);
  const bias = new Float32Array(filters);
  for (let j = 0; j < filters; j++) {
    let sum = 0;
    let b = 0;
    for (let i = 0; i < d; i++) {
      let w = 0;
      for (let l = 0; l < d; l++) w += whitening.matrix[i * d + l] * centroids[j * d + l];
      weights[i * filters + j] = w;
      sum += w;
      b -= w * whitening.mean[i];
    }
    weightSums[j] = sum;
    bias[j] = b;
  }
  return { patch, filters, weights, weightSums, bias };
}
