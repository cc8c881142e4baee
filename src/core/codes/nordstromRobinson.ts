/**
 * The Nordstrom-Robinson code: 256 binary words of length 16 at Hamming distance >= 6 (a linear
 * code of that length and size reaches only 4), so 256 prototypes in R^16 at max cosine
 * 1 - 12/16 = 1/4. Built as the Kerdock code K(4): the first-order Reed-Muller code RM(1, 4)
 * (the 32 affine functions on GF(2)^4) shifted by 8 quadratic forms whose pairwise sums are
 * non-degenerate, so every word of two different cosets differs in 6 or 10 places. The 8 forms
 * (a Kerdock set) are found by a small deterministic search over the 64 alternating 4 x 4
 * matrices rather than taken from a table.
 */
import type { BinaryWords } from '../math/binaryWords.ts';
import { encodeMessages, messagesFromIndices } from './gf2.ts';
import { reedMullerGenerator } from './reedMuller.ts';

/**
 * A matrix is an alternating 4 x 4 matrix over GF(2) given by its upper triangle, bit k for the
 * k-th pair of variables in rmMonomials' order (b01 b02 b03 b12 b13 b23); as the quadratic bits
 * of an RM(2, 4) message it is the form sum b_ij x_i x_j. Its Pfaffian
 * b01 b23 + b02 b13 + b03 b12 is 1 exactly when it is non-singular.
 */
function pfaffian(m: number): number {
  const b = (k: number) => (m >> k) & 1;
  return (b(0) & b(5)) ^ (b(1) & b(4)) ^ (b(2) & b(3));
}

/** Eight matrices, 0 among them, whose pairwise sums are all non-singular (depth-first, in order). */
export function kerdockSet(): number[] {
  const chosen = [0];
  const extend = (from: number): boolean => {
    if (chosen.length === 8) return true;
    for (let m = from; m < 64; m++) {
      if (chosen.every((c) => pfaffian(c ^ m) === 1)) {
        chosen.push(m);
        if (extend(m + 1)) return true;
        chosen.pop();
      }
    }
    return false;
  };
  if (!extend(1)) throw new Error('no Kerdock set of 8 alternating 4 x 4 matrices was found');
  return chosen;
}

/**
 * The 256 codewords: RM(2, 4) messages whose quadratic part (message bits 5..10, after the
 * constant and the 4 linear bits) is one of the Kerdock set's matrices, with every affine part.
 */
export function nordstromRobinsonWords(): BinaryWords {
  const messages: number[] = [];
  for (const quadratic of kerdockSet()) {
    for (let affine = 0; affine < 32; affine++) messages.push(affine | (quadratic << 5));
  }
  return encodeMessages(reedMullerGenerator(2, 4), messagesFromIndices(messages, 11));
}
