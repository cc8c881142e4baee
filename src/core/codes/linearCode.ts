/**
 * A binary linear code given by its generator matrix, and exhaustive facts about it: the weight
 * of every codeword, hence the true minimum distance. In a linear code d_H(c(a), c(b)) is the
 * weight of c(a XOR b), so one table of 2^k weights answers every distance question.
 */
import type { BinaryWords } from '../math/binaryWords.ts';
import { popcount32 } from '../math/binaryWords.ts';
import { xorRowInto } from './gf2.ts';

export interface LinearCode {
  /** Human-readable name, e.g. "RM(1,6)" or "BCH(127,15) shortened to [122,10]". */
  readonly name: string;
  /** k x L generator matrix: row j is the codeword of the message with only bit j set. */
  readonly generator: BinaryWords;
  /** Guaranteed minimum distance (RM: 2^(m-r); BCH: the Bose distance; adjusted by modifications). */
  readonly designedDistance: number;
  /** The true minimum distance when it is known without search (RM codes), else null. */
  readonly knownMinimumDistance: number | null;
}

/** Largest dimension for which every codeword is enumerated (2^20 words). */
export const ENUMERATION_MAX_K = 20;
/** Work budget (Uint32 XORs) for enumeration, so long codes with k near 20 stay fast. */
export const ENUMERATION_BUDGET = 2 ** 27;

/** Whether codewordWeights may run on this generator. */
export function canEnumerate(generator: BinaryWords): boolean {
  return (
    generator.count <= ENUMERATION_MAX_K &&
    2 ** generator.count * generator.stride <= ENUMERATION_BUDGET
  );
}

/**
 * Weight of the codeword of every message 0..2^k-1 (index = message, bit j = message bit j).
 * Walks the messages in Gray-code order, so each step XORs a single generator row.
 */
export function codewordWeights(generator: BinaryWords): Uint16Array {
  const k = generator.count;
  if (k > ENUMERATION_MAX_K) {
    throw new RangeError(`k = ${k} is too large to enumerate (max ${ENUMERATION_MAX_K})`);
  }
  const { stride } = generator;
  const total = 2 ** k;
  const weights = new Uint16Array(total);
  const word = new Uint32Array(stride);
  for (let i = 1; i < total; i++) {
    const j = 31 - Math.clz32(i & -i); // the Gray-code bit that flips at step i
    xorRowInto(word, 0, generator, j);
    let w = 0;
    for (let x = 0; x < stride; x++) w += popcount32(word[x]);
    weights[i ^ (i >>> 1)] = w;
  }
  return weights;
}

/** Smallest nonzero entry of a weight table (0 if some nonzero message encodes to zero). */
export function minimumNonzeroWeight(weights: Uint16Array): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 1; i < weights.length; i++) if (weights[i] < best) best = weights[i];
  return best;
}

/**
 * The true minimum distance: known in closed form, or by enumerating all 2^k codewords when
 * that is cheap (k <= 20 within the work budget); null otherwise.
 */
export function trueMinimumDistance(code: LinearCode, weights?: Uint16Array | null): number | null {
  if (code.knownMinimumDistance !== null) return code.knownMinimumDistance;
  if (weights) return minimumNonzeroWeight(weights);
  if (!canEnumerate(code.generator)) return null;
  return minimumNonzeroWeight(codewordWeights(code.generator));
}
