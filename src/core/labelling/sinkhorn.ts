import { hungarianMax } from './hungarian.ts';
import type { Labelling } from './permutation.ts';

/**
 * Sinkhorn-Knopp: the doubly-stochastic matrix P = diag(a) exp(S / temperature) diag(b), the
 * soft permutation behind a learned relabelling (logits z (P C)^T). As the temperature falls,
 * P tends to the permutation matrix of the maximum-score assignment (when that is unique).
 * Works in the log domain: at temperature 0.01 exp(S / temperature) overflows doubles.
 * Convergence is linear for moderate temperatures but can slow to O(1 / iterations) when
 * score gaps are many temperatures wide, hence the cap and the reported error.
 */

export interface SinkhornOptions {
  /** Divides the scores; > 0. Low = nearly a permutation, high = nearly uniform. */
  readonly temperature: number;
  /** Stop once every row and column sum is within this of 1 (default 1e-9). */
  readonly tolerance?: number;
  /** Give up after this many row+column sweeps (default 10000). */
  readonly maxIterations?: number;
}

export interface SinkhornResult {
  /** size x size, row-major, entries > 0. */
  readonly matrix: Float64Array;
  /** max over rows and columns of |sum - 1| achieved. */
  readonly error: number;
  /** Row+column sweeps done. */
  readonly iterations: number;
  /** Whether `error` reached the tolerance before the iteration cap. */
  readonly converged: boolean;
}

function checkSquareFinite(scores: Float64Array, size: number): void {
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`size must be a positive integer, got ${size}`);
  }
  if (scores.length !== size * size) {
    throw new RangeError(`scores has ${scores.length} entries, expected size^2 = ${size * size}`);
  }
  for (let k = 0; k < scores.length; k++) {
    if (!Number.isFinite(scores[k])) {
      throw new RangeError(`scores entry ${k} is ${scores[k]}; every score must be finite`);
    }
  }
}

/** log(sum_t exp(x_t)) over `count` entries from `start` with `stride`, without overflow. */
function logSumExp(x: Float64Array, start: number, stride: number, count: number): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let t = 0, k = start; t < count; t++, k += stride) if (x[k] > max) max = x[k];
  let sum = 0;
  for (let t = 0, k = start; t < count; t++, k += stride) sum += Math.exp(x[k] - max);
  return max + Math.log(sum);
}

/** Largest |row sum - 1| or |column sum - 1| of exp(logMatrix). */
function marginalError(logMatrix: Float64Array, size: number): number {
  let error = 0;
  const columnSums = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    let rowSum = 0;
    for (let j = 0; j < size; j++) {
      const p = Math.exp(logMatrix[i * size + j]);
      rowSum += p;
      columnSums[j] += p;
    }
    error = Math.max(error, Math.abs(rowSum - 1));
  }
  for (let j = 0; j < size; j++) error = Math.max(error, Math.abs(columnSums[j] - 1));
  return error;
}

export function sinkhorn(
  scores: Float64Array,
  size: number,
  options: SinkhornOptions,
): SinkhornResult {
  checkSquareFinite(scores, size);
  const { temperature, tolerance = 1e-9, maxIterations = 10000 } = options;
  if (!(temperature > 0) || !Number.isFinite(temperature)) {
    throw new RangeError(`temperature must be a positive finite number, got ${temperature}`);
  }
  if (!(tolerance > 0)) throw new RangeError(`tolerance must be positive, got ${tolerance}`);
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new RangeError(`maxIterations must be a positive integer, got ${maxIterations}`);
  }

  const logMatrix = Float64Array.from(scores, (s) => s / temperature);
  let iterations = 0;
  let error = Number.POSITIVE_INFINITY;
  while (iterations < maxIterations) {
    for (let i = 0; i < size; i++) {
      const shift = logSumExp(logMatrix, i * size, 1, size);
      for (let j = 0; j < size; j++) logMatrix[i * size + j] -= shift;
    }
    for (let j = 0; j < size; j++) {
      const shift = logSumExp(logMatrix, j, size, size);
      for (let i = 0; i < size; i++) logMatrix[i * size + j] -= shift;
    }
    iterations++;
    error = marginalError(logMatrix, size);
    if (error <= tolerance) break;
  }
  return {
    matrix: logMatrix.map(Math.exp),
    error,
    iterations,
    converged: error <= tolerance,
  };
}

/**
 * The permutation closest to a soft (e.g. Sinkhorn or AutoShuffle) matrix: the assignment
 * maximising sum_k P[k, labelling[k]], found exactly by the Hungarian algorithm. The hard
 * labelling used at test time after training a soft one.
 */
export function roundToPermutation(matrix: Float64Array, size: number): Labelling {
  checkSquareFinite(matrix, size);
  return hungarianMax(matrix, size, size);
}
