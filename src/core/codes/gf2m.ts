/**
 * Arithmetic in the finite field GF(2^m), m = 2..16, and the cyclotomic cosets and minimal
 * polynomials that define BCH codes.
 *
 * Elements are integers 0..2^m-1: bit i is the coefficient of alpha^i in the polynomial basis,
 * where alpha is a root of the field's primitive polynomial. Because that polynomial is
 * primitive, alpha generates the multiplicative group, so exp/log tables turn multiplication
 * into addition of exponents modulo 2^m - 1.
 */

/**
 * One primitive polynomial of each degree m = 2..16 (bit i = coefficient of x^i), the
 * low-weight choices of the standard tables (Lin & Costello, MATLAB's gfprimdf). Any primitive
 * polynomial gives the same BCH parameters (n, k, designed distance): the cyclotomic cosets
 * depend on m only.
 */
export const PRIMITIVE_POLYNOMIALS: Readonly<Record<number, number>> = {
  2: 0x7, // x^2 + x + 1
  3: 0xb, // x^3 + x + 1
  4: 0x13, // x^4 + x + 1
  5: 0x25, // x^5 + x^2 + 1
  6: 0x43, // x^6 + x + 1
  7: 0x89, // x^7 + x^3 + 1
  8: 0x11d, // x^8 + x^4 + x^3 + x^2 + 1
  9: 0x211, // x^9 + x^4 + 1
  10: 0x409, // x^10 + x^3 + 1
  11: 0x805, // x^11 + x^2 + 1
  12: 0x1053, // x^12 + x^6 + x^4 + x + 1
  13: 0x201b, // x^13 + x^4 + x^3 + x + 1
  14: 0x4443, // x^14 + x^10 + x^6 + x + 1
  15: 0x8003, // x^15 + x + 1
  16: 0x1100b, // x^16 + x^12 + x^3 + x + 1
};

export const MIN_FIELD_DEGREE = 2;
export const MAX_FIELD_DEGREE = 16;

export interface GF2m {
  readonly m: number;
  /** Number of field elements, 2^m. */
  readonly size: number;
  /** Order of the multiplicative group, 2^m - 1 (the primitive BCH code length). */
  readonly order: number;
  /** The primitive polynomial as a bit mask. */
  readonly polynomial: number;
  /** exp[i] = alpha^i for 0 <= i < 2 * order (doubled so a product of two logs needs no modulo). */
  readonly exp: Uint16Array;
  /** log[a] = i with alpha^i = a, for a != 0; log[0] = -1. */
  readonly log: Int32Array;
}

/**
 * The powers alpha^0, alpha^1, ... modulo the polynomial `poly` of degree m, until they return
 * to 1 (or 2^m steps pass). Returns the multiplicative order of alpha = x.
 */
function orderOfX(poly: number, m: number): number {
  const top = 1 << m;
  let a = 1;
  for (let i = 1; i <= top; i++) {
    a <<= 1;
    if (a & top) a ^= poly;
    if (a === 1) return i;
  }
  return 0; // x is not invertible: poly has no constant term
}

/** True when `poly` (degree m, bit mask) is primitive: x has order exactly 2^m - 1 modulo it. */
export function isPrimitivePolynomial(poly: number, m: number): boolean {
  if (poly >>> m !== 1) return false; // degree must be exactly m
  return orderOfX(poly, m) === (1 << m) - 1;
}

const fieldCache = new Map<number, GF2m>();

/** The field GF(2^m) built on PRIMITIVE_POLYNOMIALS[m] (cached: the tables are reused). */
export function createField(m: number): GF2m {
  const cached = fieldCache.get(m);
  if (cached) return cached;
  if (!Number.isInteger(m) || m < MIN_FIELD_DEGREE || m > MAX_FIELD_DEGREE) {
    throw new RangeError(
      `GF(2^m) is available for m = ${MIN_FIELD_DEGREE}..${MAX_FIELD_DEGREE}, got ${m}`,
    );
  }
  const polynomial = PRIMITIVE_POLYNOMIALS[m];
  const size = 1 << m;
  const order = size - 1;
  const exp = new Uint16Array(2 * order);
  const log = new Int32Array(size).fill(-1);
  let a = 1;
  for (let i = 0; i < order; i++) {
    if (log[a] !== -1) throw new Error(`polynomial 0x${polynomial.toString(16)} is not primitive`);
    exp[i] = a;
    exp[i + order] = a;
    log[a] = i;
    a <<= 1;
    if (a & size) a ^= polynomial;
  }
  const field: GF2m = { m, size, order, polynomial, exp, log };
  fieldCache.set(m, field);
  return field;
}

/** Addition (and subtraction) in characteristic 2 is XOR. */
export function add(a: number, b: number): number {
  return a ^ b;
}

export function mul(field: GF2m, a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  return field.exp[field.log[a] + field.log[b]];
}

export function inverse(field: GF2m, a: number): number {
  if (a === 0) throw new RangeError('0 has no inverse');
  return field.exp[(field.order - field.log[a]) % field.order];
}

/** a^e for any integer e (negative e uses the inverse; 0^0 = 1). */
export function pow(field: GF2m, a: number, e: number): number {
  if (e === 0) return 1;
  if (a === 0) {
    if (e < 0) throw new RangeError('0 has no inverse');
    return 0;
  }
  const r = (((field.log[a] * e) % field.order) + field.order) % field.order;
  return field.exp[r];
}

/** alpha^i for any integer i. */
export function alphaPower(field: GF2m, i: number): number {
  return field.exp[((i % field.order) + field.order) % field.order];
}

/** The cyclotomic coset of j modulo 2^m - 1: {j, 2j, 4j, ...}, in that order. */
export function cyclotomicCoset(j: number, m: number): number[] {
  const order = (1 << m) - 1;
  const start = ((j % order) + order) % order;
  const coset = [start];
  for (let x = (start * 2) % order; x !== start; x = (x * 2) % order) coset.push(x);
  return coset;
}

/** All cyclotomic cosets modulo 2^m - 1, ordered by their smallest element (the leader). */
export function cyclotomicCosets(m: number): number[][] {
  const order = (1 << m) - 1;
  const seen = new Uint8Array(order);
  const cosets: number[][] = [];
  for (let j = 0; j < order; j++) {
    if (seen[j]) continue;
    const coset = cyclotomicCoset(j, m);
    for (const x of coset) seen[x] = 1;
    cosets.push(coset);
  }
  return cosets;
}

/**
 * The minimal polynomial of alpha^j over GF(2): the product of (x - alpha^i) over the
 * cyclotomic coset of j. Coefficient i of the result is the coefficient of x^i; the product's
 * coefficients lie in GF(2) because the coset is closed under squaring (Frobenius), which is
 * checked here rather than assumed.
 */
export function minimalPolynomial(field: GF2m, j: number): Uint8Array {
  let coeffs = [1]; // over GF(2^m), lowest degree first
  for (const i of cyclotomicCoset(j, field.m)) {
    const root = alphaPower(field, i);
    const next = new Array<number>(coeffs.length + 1).fill(0);
    for (let t = 0; t < coeffs.length; t++) {
      next[t + 1] ^= coeffs[t]; // x * p(x)
      next[t] ^= mul(field, root, coeffs[t]); // - root * p(x) (= + in characteristic 2)
    }
    coeffs = next;
  }
  const out = new Uint8Array(coeffs.length);
  coeffs.forEach((c, t) => {
    if (c > 1) throw new Error(`minimal polynomial of alpha^${j} has a coefficient outside GF(2)`);
    out[t] = c;
  });
  return out;
}

/** Product of two polynomials over GF(2) (coefficient arrays, lowest degree first). */
export function polyMulGF2(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0 || b.length === 0) return new Uint8Array(0);
  const out = new Uint8Array(a.length + b.length - 1);
  for (let i = 0; i < a.length; i++) {
    if (!a[i]) continue;
    for (let t = 0; t < b.length; t++) out[i + t] ^= b[t];
  }
  return out;
}

/** Degree of a GF(2) polynomial (-1 for the zero polynomial). */
export function polyDegree(p: Uint8Array): number {
  for (let i = p.length - 1; i >= 0; i--) if (p[i]) return i;
  return -1;
}

/** A GF(2) polynomial of degree <= 31 as a bit mask (bit i = coefficient of x^i). */
export function polyToMask(p: Uint8Array): number {
  if (polyDegree(p) > 31) throw new RangeError('polynomial degree above 31 does not fit a mask');
  let mask = 0;
  for (let i = 0; i < p.length; i++) if (p[i]) mask = (mask | (1 << i)) >>> 0;
  return mask;
}
