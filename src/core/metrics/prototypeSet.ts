import type { BinaryWords } from '../math/binaryWords.ts';
import { hammingDistance } from '../math/binaryWords.ts';
import type { Codebook } from '../math/codebook.ts';
import { dotRows } from '../math/codebook.ts';

/**
 * What the metrics measure: a codebook, and, for code-based prototypes, the binary words it came
 * from. With words present, cosines come from Hamming distances (1 - 2 d / L), so a cosine that
 * is mathematically 0 is reported as exactly 0 rather than 1e-17.
 */
export interface PrototypeSet {
  readonly codebook: Codebook;
  readonly binary?: BinaryWords;
}

/** A function (i, j) -> <c_i, c_j>, exact for binary sets. */
export function cosineFunction(set: PrototypeSet): (i: number, j: number) => number {
  const { binary, codebook } = set;
  if (binary) {
    const L = binary.length;
    return (i, j) => 1 - (2 * hammingDistance(binary, i, j)) / L;
  }
  return (i, j) => dotRows(codebook, i, j);
}
