/**
 * Reed-Muller codes RM(r, m): length n = 2^m, dimension k = sum_{i<=r} C(m, i), minimum
 * distance 2^(m-r). Coordinate t (0..2^m-1) is the point of GF(2)^m whose bit i is x_i; the
 * codewords are the evaluations of the polynomials of degree <= r in x_0..x_{m-1}.
 */
import type { BinaryWords } from '../math/binaryWords.ts';
import { createBinaryWords } from '../math/binaryWords.ts';
import type { LinearCode } from './linearCode.ts';

export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return Math.round(c);
}

/** k = sum_{i<=r} C(m, i). */
export function rmDimension(r: number, m: number): number {
  let k = 0;
  for (let i = 0; i <= r; i++) k += binomial(m, i);
  return k;
}

export function rmMinimumDistance(r: number, m: number): number {
  return 2 ** (m - r);
}

/** Smallest order r with k(r, m) >= kRequired (2^k >= N), or null if even r = m is too small. */
export function rmOrderFor(kRequired: number, m: number): number | null {
  for (let r = 0; r <= m; r++) if (rmDimension(r, m) >= kRequired) return r;
  return null;
}

/**
 * The monomials of degree <= r in the generator's row order: the constant 1 (all-ones row),
 * then x_0..x_{m-1}, then all products of 2 variables in lexicographic order, then of 3, ...
 * Each monomial is the ascending list of its variables.
 */
export function rmMonomials(r: number, m: number): number[][] {
  const out: number[][] = [];
  const combine = (size: number, start: number, prefix: number[]): void => {
    if (prefix.length === size) {
      out.push(prefix.slice());
      return;
    }
    for (let v = start; v < m; v++) {
      prefix.push(v);
      combine(size, v + 1, prefix);
      prefix.pop();
    }
  };
  for (let size = 0; size <= r; size++) combine(size, 0, []);
  return out;
}

/** The generator: row for monomial x_S has bit t = 1 iff bit i of t is 1 for every i in S. */
export function reedMullerGenerator(r: number, m: number): BinaryWords {
  if (!Number.isInteger(m) || m < 0 || m > 16) throw new RangeError(`m must be in 0..16, got ${m}`);
  if (!Number.isInteger(r) || r < 0 || r > m) {
    throw new RangeError(`RM(r, m) needs 0 <= r <= m, got r = ${r}, m = ${m}`);
  }
  const masks = rmMonomialMasks(r, m);
  const n = 2 ** m;
  const g = createBinaryWords(masks.length, n);
  masks.forEach((mask, row) => {
    for (let t = 0; t < n; t++) {
      if ((t & mask) === mask) g.bits[row * g.stride + (t >>> 5)] |= 1 << (t & 31);
    }
  });
  return g;
}

export function reedMullerCode(r: number, m: number): LinearCode {
  return {
    name: `RM(${r},${m})`,
    generator: reedMullerGenerator(r, m),
    designedDistance: rmMinimumDistance(r, m),
    knownMinimumDistance: rmMinimumDistance(r, m),
  };
}

/** Bit masks of the monomials of rmMonomials (bit i set when x_i is a factor). */
export function rmMonomialMasks(r: number, m: number): Int32Array {
  return Int32Array.from(rmMonomials(r, m), (vars) => vars.reduce((mask, v) => mask | (1 << v), 0));
}

/** Column t of the RM generator (one bit per row) ORed into out: row x_S is 1 iff S ⊆ bits(t). */
export function rmColumn(masks: Int32Array, t: number, out: Uint32Array): void {
  for (let row = 0; row < masks.length; row++) {
    if ((t & masks[row]) === masks[row]) out[row >>> 5] |= 1 << (row & 31);
  }
}
