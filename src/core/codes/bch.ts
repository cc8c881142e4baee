/**
 * Narrow-sense primitive binary BCH codes of length L = 2^m - 1. For designed distance delta
 * the generator is g(x) = lcm of the minimal polynomials of alpha^1..alpha^(delta-1), that is
 * the product of the minimal polynomials of the distinct cyclotomic cosets met by 1..delta-1;
 * k = L - deg g. Several delta give the same g; the code's designed distance is the largest of
 * them, the Bose distance: the smallest j >= 1 with alpha^j not a zero of g. Its true minimum
 * distance is at least that (BCH bound).
 */
import type { BinaryWords } from '../math/binaryWords.ts';
import { createBinaryWords } from '../math/binaryWords.ts';
import { createField, cyclotomicCoset, minimalPolynomial, polyMulGF2 } from './gf2m.ts';
import type { LinearCode } from './linearCode.ts';

export interface BchParams {
  readonly m: number;
  /** L = 2^m - 1. */
  readonly length: number;
  readonly k: number;
  /** The Bose distance. */
  readonly designedDistance: number;
  /** Leaders of the cyclotomic cosets whose alpha^j are the zeros of g (ascending). */
  readonly zeros: readonly number[];
}

const listCache = new Map<number, readonly BchParams[]>();

/**
 * Every narrow-sense primitive BCH code of length 2^m - 1, from the whole space (delta = 1,
 * g = 1, [L, L, 1]) down to the repetition code ([L, 1, L]), by decreasing k. Only cyclotomic
 * cosets are needed, no polynomials, so this is cheap for every m.
 */
export function bchCodes(m: number): readonly BchParams[] {
  const cached = listCache.get(m);
  if (cached) return cached;
  if (!Number.isInteger(m) || m < 2 || m > 16) {
    throw new RangeError(`BCH codes need m in 2..16, got ${m}`);
  }
  const L = 2 ** m - 1;
  const inZeros = new Uint8Array(L);
  const zeros: number[] = [];
  const codes: BchParams[] = [];
  let degree = 0;
  let j = 1; // invariant: 1..j-1 are zeros of g and j is not, so the Bose distance is j
  for (;;) {
    codes.push({ m, length: L, k: L - degree, designedDistance: j, zeros: zeros.slice() });
    if (j >= L) break; // every nonzero power is a zero: the repetition code
    // j is the smallest element of its coset: a smaller one would be a non-zero below j.
    const coset = cyclotomicCoset(j, m);
    for (const x of coset) inZeros[x] = 1;
    zeros.push(j);
    degree += coset.length;
    while (j < L && inZeros[j]) j++;
  }
  listCache.set(m, codes);
  return codes;
}

/** The code with the smallest k >= kRequired (the largest designed distance among those), or null. */
export function chooseBch(m: number, kRequired: number): BchParams | null {
  let best: BchParams | null = null;
  for (const c of bchCodes(m)) if (c.k >= kRequired) best = c; // k decreases along the list
  return best;
}

/** g(x) as coefficients over GF(2), lowest degree first (length deg g + 1 = L - k + 1). */
export function bchGeneratorPolynomial(params: BchParams): Uint8Array {
  let g: Uint8Array = Uint8Array.of(1);
  if (params.zeros.length === 0) return g;
  const field = createField(params.m);
  for (const j of params.zeros) g = polyMulGF2(g, minimalPolynomial(field, j));
  return g;
}

/**
 * The generator matrix with rows x^i g(x) (bit t of row i = coefficient of x^t), for
 * i < rows. With rows = k - s and length L - s this is directly the generator of the code
 * shortened by s: the first k - s rows vanish on the last s coordinates.
 */
export function bchGenerator(
  params: BchParams,
  rows = params.k,
  length = params.length,
): BinaryWords {
  const g = bchGeneratorPolynomial(params);
  const deg = g.length - 1;
  if (rows < 1 || rows > params.k || rows - 1 + deg >= length || length > params.length) {
    throw new RangeError(
      `rows x^i g(x), i < ${rows}, do not fit length ${length} (deg g = ${deg})`,
    );
  }
  const out = createBinaryWords(rows, length);
  for (let i = 0; i < rows; i++) {
    const o = i * out.stride;
    for (let t = 0; t <= deg; t++) {
      if (g[t]) out.bits[o + ((i + t) >>> 5)] |= 1 << ((i + t) & 31);
    }
  }
  return out;
}

export function bchName(params: BchParams): string {
  return `BCH(${params.length},${params.k})`;
}

/**
 * The BCH code, or (s > 0) the code shortened by s: messages whose last s bits are zero, with
 * the last s coordinates (always zero for them) deleted: [L - s, k - s, >= d].
 */
export function bchCode(params: BchParams, s = 0): LinearCode {
  if (!Number.isInteger(s) || s < 0 || s >= params.k) {
    throw new RangeError(`cannot shorten a code of dimension ${params.k} by ${s}`);
  }
  const base = bchName(params);
  return {
    name: s ? `${base} shortened to [${params.length - s},${params.k - s}]` : base,
    generator: bchGenerator(params, params.k - s, params.length - s),
    designedDistance: params.designedDistance,
    knownMinimumDistance: null,
  };
}
