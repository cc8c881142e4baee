import { type Codebook, createCodebook } from '../math/codebook.ts';
import { createRandom, randomPermutation } from '../math/random.ts';

/**
 * A labelling says which prototype decodes to which class: class k is trained towards, and
 * decoded from, prototype labelling[k]. It is an injection classes -> prototypes (a
 * permutation when there are as many classes as prototypes). Separation is unchanged by a
 * labelling; accuracy is not, which is why the lab compares labellings.
 */
export type Labelling = Int32Array;

/** Throws unless every class has a distinct prototype in [0, prototypes). */
export function checkLabelling(labelling: Labelling, prototypes: number): void {
  if (!Number.isInteger(prototypes) || prototypes < 0) {
    throw new RangeError(`prototypes must be a non-negative integer, got ${prototypes}`);
  }
  if (labelling.length > prototypes) {
    throw new RangeError(
      `a labelling of ${labelling.length} classes needs at least as many prototypes, got ${prototypes}`,
    );
  }
  const owner = new Int32Array(prototypes).fill(-1);
  for (let k = 0; k < labelling.length; k++) {
    const p = labelling[k];
    if (p < 0 || p >= prototypes) {
      throw new RangeError(`class ${k} maps to prototype ${p}, outside [0, ${prototypes})`);
    }
    if (owner[p] >= 0) {
      throw new RangeError(`classes ${owner[p]} and ${k} both map to prototype ${p}`);
    }
    owner[p] = k;
  }
}

/** True when the labelling is a bijection of 0..length-1. */
export function isPermutation(labelling: Labelling): boolean {
  try {
    checkLabelling(labelling, labelling.length);
    return true;
  } catch {
    return false;
  }
}

/** Class k -> prototype k: dataset order, i.e. the authors' codeword order. */
export function identityLabelling(size: number): Labelling {
  if (!Number.isInteger(size) || size < 0) {
    throw new RangeError(`size must be a non-negative integer, got ${size}`);
  }
  return Int32Array.from({ length: size }, (_, k) => k);
}

/**
 * A uniformly random injection classes -> prototypes (seeded Fisher-Yates on the prototypes,
 * first `classes` entries), the baseline that any learned labelling has to beat.
 */
export function randomLabelling(classes: number, seed: number, prototypes = classes): Labelling {
  if (!Number.isInteger(classes) || classes < 0 || !Number.isInteger(prototypes)) {
    throw new RangeError(`classes and prototypes must be integers, got ${classes}, ${prototypes}`);
  }
  if (prototypes < classes) {
    throw new RangeError(`need prototypes >= classes, got ${prototypes} < ${classes}`);
  }
  return randomPermutation(prototypes, createRandom(seed)).slice(0, classes);
}

/** The codebook seen in class order: row k is prototype labelling[k] (K x n, a copy). */
export function applyLabelling(codebook: Codebook, labelling: Labelling): Codebook {
  checkLabelling(labelling, codebook.N);
  const { n } = codebook;
  const data = new Float64Array(labelling.length * n);
  for (let k = 0; k < labelling.length; k++) {
    const from = labelling[k] * n;
    data.set(codebook.data.subarray(from, from + n), k * n);
  }
  return createCodebook(labelling.length, n, data);
}

/**
 * The single labelling equal to applying `first`, then `second` to the result:
 * applyLabelling(applyLabelling(C, first), second) = applyLabelling(C, composed), with
 * composed[k] = first[second[k]].
 */
export function composeLabellings(first: Labelling, second: Labelling): Labelling {
  checkLabelling(second, first.length);
  return Int32Array.from(second, (s) => first[s]);
}

/** The inverse permutation: applying a permutation and then its inverse changes nothing. */
export function invertLabelling(permutation: Labelling): Labelling {
  // An injection of 0..L-1 into 0..L-1 is a bijection, so this check is all that is needed.
  checkLabelling(permutation, permutation.length);
  const inverse = new Int32Array(permutation.length);
  for (let k = 0; k < permutation.length; k++) inverse[permutation[k]] = k;
  return inverse;
}

/**
 * The 0/1 matrix P (classes x prototypes, row-major) with P[k, labelling[k]] = 1, so that
 * P C is the codebook in class order: the hard counterpart of a learned soft matrix.
 */
export function permutationMatrix(labelling: Labelling, prototypes: number): Float64Array {
  checkLabelling(labelling, prototypes);
  const matrix = new Float64Array(labelling.length * prototypes);
  for (let k = 0; k < labelling.length; k++) matrix[k * prototypes + labelling[k]] = 1;
  return matrix;
}
