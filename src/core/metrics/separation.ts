import type { PrototypeSet } from './prototypeSet.ts';
import { cosineFunction } from './prototypeSet.ts';

/** The separation numbers the product reports for every codebook. */
export interface SeparationMetrics {
  /** max_{i != j} <c_i, c_j>: the objective of problem (P). */
  readonly maxCosine: number;
  /** The same as an angle: arccos(maxCosine) in degrees. */
  readonly minAngleDeg: number;
  /** Mean of <c_i, c_j> over all pairs i < j. */
  readonly meanCosine: number;
  /** Mean over i of max_{j != i} <c_i, c_j> (the quantity Mettes et al. minimise, minus 1). */
  readonly meanRowMaxCosine: number;
}

/** Angle in degrees between unit vectors with the given cosine (clamped against rounding). */
export function cosineToDegrees(cosine: number): number {
  return (Math.acos(Math.max(-1, Math.min(1, cosine))) * 180) / Math.PI;
}

/** One pass over all pairs: O(N^2 n), or O(N^2 L/32) from Hamming distances for codes. */
export function separationMetrics(set: PrototypeSet): SeparationMetrics {
  const { N } = set.codebook;
  if (N < 2) throw new RangeError('separation needs at least two prototypes');
  const cos = cosineFunction(set);
  const rowMax = new Float64Array(N).fill(-Infinity);
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < N; i++) {
    for (let j = i + 1; j < N; j++) {
      const c = cos(i, j);
      sum += c;
      if (c > max) max = c;
      if (c > rowMax[i]) rowMax[i] = c;
      if (c > rowMax[j]) rowMax[j] = c;
    }
  }
  let rowSum = 0;
  for (let i = 0; i < N; i++) rowSum += rowMax[i];
  return {
    maxCosine: max,
    minAngleDeg: cosineToDegrees(max),
    meanCosine: sum / ((N * (N - 1)) / 2),
    meanRowMaxCosine: rowSum / N,
  };
}

export interface CosineHistogram {
  /** bins + 1 edges from -1 to 1. */
  readonly edges: Float64Array;
  /** Number of pairs i < j whose cosine falls in each bin (the last bin includes 1). */
  readonly counts: Uint32Array;
  readonly pairs: number;
}

/** Histogram of all pairwise cosines over [-1, 1] in equal bins. */
export function cosineHistogram(set: PrototypeSet, bins = 40): CosineHistogram {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be a positive integer`);
  const { N } = set.codebook;
  const cos = cosineFunction(set);
  const edges = new Float64Array(bins + 1);
  for (let b = 0; b <= bins; b++) edges[b] = -1 + (2 * b) / bins;
  const counts = new Uint32Array(bins);
  for (let i = 0; i < N; i++) {
    for (let j = i + 1; j < N; j++) {
      const c = cos(i, j);
      const b = Math.min(bins - 1, Math.max(0, Math.floor(((c + 1) / 2) * bins)));
      counts[b]++;
    }
  }
  return { edges, counts, pairs: (N * (N - 1)) / 2 };
}

export interface ContactGraph {
  /** Pairs [i, j] (i < j) whose angle is within the tolerance of the minimum angle. */
  readonly edges: readonly (readonly [number, number])[];
  /** The closest pair (smallest i, then j, on ties). */
  readonly worst: readonly [number, number];
  readonly minAngleDeg: number;
}

/**
 * The nearest-pair contact graph: pairs whose angle is at most minAngle + toleranceDeg.
 * For an optimal spherical code these are the "touching" pairs that hold the configuration rigid.
 */
export function contactGraph(set: PrototypeSet, toleranceDeg = 0.5): ContactGraph {
  const { N } = set.codebook;
  if (N < 2) throw new RangeError('a contact graph needs at least two prototypes');
  if (!(toleranceDeg >= 0)) throw new RangeError('toleranceDeg must be >= 0');
  const cos = cosineFunction(set);
  const angles = new Float64Array((N * (N - 1)) / 2);
  let min = Infinity;
  let worst: [number, number] = [0, 1];
  let p = 0;
  for (let i = 0; i < N; i++) {
    for (let j = i + 1; j < N; j++) {
      const a = cosineToDegrees(cos(i, j));
      angles[p++] = a;
      if (a < min) {
        min = a;
        worst = [i, j];
      }
    }
  }
  const edges: [number, number][] = [];
  const limit = min + toleranceDeg;
  p = 0;
  for (let i = 0; i < N; i++) {
    for (let j = i + 1; j < N; j++) {
      if (angles[p++] <= limit) edges.push([i, j]);
    }
  }
  return { edges, worst, minAngleDeg: min };
}
