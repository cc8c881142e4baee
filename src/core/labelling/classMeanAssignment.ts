import type { Codebook } from '../math/codebook.ts';
import { hungarianMax } from './hungarian.ts';
import type { Labelling } from './permutation.ts';

/**
 * Hungarian relabelling on class means (DL2PA, CVPR 2024): give each class the prototype its
 * features already point towards, maximising sum_k <M_k, C_labelling(k)> over injections
 * classes -> prototypes. Done once after a warm-up, or every epoch with running means.
 */

/**
 * Mean of the L2-normalised feature vectors of each class (K x dim, row-major). Normalising
 * first matches the sphere: every sample pulls with the same weight. A class without samples
 * gets a zero row, which scores 0 with every prototype and so does not sway the others.
 */
export function normalisedClassMeans(
  features: Float64Array | Float32Array,
  labels: ArrayLike<number>,
  classes: number,
  dim: number,
): Float64Array {
  if (!Number.isInteger(classes) || classes < 1 || !Number.isInteger(dim) || dim < 1) {
    throw new RangeError(`classes and dim must be positive integers, got ${classes}, ${dim}`);
  }
  if (features.length !== labels.length * dim) {
    throw new RangeError(
      `features has ${features.length} numbers, expected labels.length * dim = ${labels.length * dim}`,
    );
  }
  const sums = new Float64Array(classes * dim);
  const counts = new Float64Array(classes);
  for (let s = 0; s < labels.length; s++) {
    const y = labels[s];
    if (!Number.isInteger(y) || y < 0 || y >= classes) {
      throw new RangeError(`label of sample ${s} is ${y}, outside [0, ${classes})`);
    }
    let norm = 0;
    for (let d = 0; d < dim; d++) norm += features[s * dim + d] ** 2;
    if (!Number.isFinite(norm)) throw new RangeError(`sample ${s} has a non-finite feature`);
    if (norm === 0) continue; // no direction to contribute
    const inv = 1 / Math.sqrt(norm);
    for (let d = 0; d < dim; d++) sums[y * dim + d] += features[s * dim + d] * inv;
    counts[y]++;
  }
  for (let k = 0; k < classes; k++) {
    if (counts[k] > 0) for (let d = 0; d < dim; d++) sums[k * dim + d] /= counts[k];
  }
  return sums;
}

/** The labelling maximising sum_k <means_k, prototype_labelling(k)>, and that maximum. */
export function classMeanAssignment(
  means: Float64Array,
  classes: number,
  prototypes: Codebook,
): { labelling: Labelling; score: number } {
  const { N, n, data } = prototypes;
  if (!Number.isInteger(classes) || classes < 1) {
    throw new RangeError(`classes must be a positive integer, got ${classes}`);
  }
  if (classes > N) {
    throw new RangeError(`${classes} classes need at least as many prototypes, got ${N}`);
  }
  if (means.length !== classes * n) {
    throw new RangeError(
      `means has ${means.length} numbers, expected classes * n = ${classes * n} (n = prototype dimension)`,
    );
  }
  const scores = new Float64Array(classes * N);
  for (let k = 0; k < classes; k++) {
    for (let j = 0; j < N; j++) {
      let dot = 0;
      for (let d = 0; d < n; d++) dot += means[k * n + d] * data[j * n + d];
      scores[k * N + j] = dot;
    }
  }
  // hungarianMax rejects NaN / Infinity scores with the offending entry.
  const labelling = hungarianMax(scores, classes, N);
  let score = 0;
  for (let k = 0; k < classes; k++) score += scores[k * N + labelling[k]];
  return { labelling, score };
}
