/**
 * Fitting a code of length L to another length (Huffman & Pless, ch. 1.5):
 * - extend: append an overall parity bit: [L + 1, k, d'] with d' = d + 1 when d is odd (every
 *   odd-weight codeword gains a 1), d' = d when d is even.
 * - shorten by s: keep the codewords that are zero on the last s coordinates and delete those
 *   coordinates: [L - s, k - s, >= d] (k - s when the deleted coordinates are independent, as for
 *   BCH and RM codes; the dimension is measured, not assumed).
 * - puncture by s: delete the last s coordinates: [L - s, k, >= d - s] (k is kept when s < d,
 *   since two codewords at distance >= d cannot become equal).
 * - pad (not a change of the code): the words fill the first L of n > L coordinates, zeros after;
 *   see gamma.ts.
 */
import { createBinaryWords } from '../math/binaryWords.ts';
import { appendParityBit, truncateWords } from './gf2.ts';
import type { LinearCode } from './linearCode.ts';

function lengthOf(code: LinearCode): number {
  return code.generator.length;
}

export function extendCode(code: LinearCode): LinearCode {
  const bump = (d: number) => (d % 2 === 1 ? d + 1 : d);
  return {
    name: `extended ${code.name} [${lengthOf(code) + 1},${code.generator.count}]`,
    generator: appendParityBit(code.generator),
    designedDistance: bump(code.designedDistance),
    knownMinimumDistance:
      code.knownMinimumDistance === null ? null : bump(code.knownMinimumDistance),
  };
}

export function punctureCode(code: LinearCode, s: number): LinearCode {
  const L = lengthOf(code);
  if (!Number.isInteger(s) || s < 0 || s >= L) {
    throw new RangeError(`cannot puncture length ${L} by ${s}`);
  }
  if (s === 0) return code;
  if (s >= code.designedDistance) {
    throw new RangeError(
      `puncturing ${s} coordinates of a code with designed distance ${code.designedDistance} could merge codewords`,
    );
  }
  const d = code.designedDistance - s;
  return {
    name: `${code.name} punctured to [${L - s},${code.generator.count}]`,
    generator: truncateWords(code.generator, L - s),
    designedDistance: d,
    // Puncturing a coordinate where a minimum-weight word is 1 lowers d by one; that is not
    // known in general, so the true distance is left to enumeration.
    knownMinimumDistance: null,
  };
}

/**
 * Shortening by Gaussian elimination on the last s columns, last column first: the pivot is the
 * highest-index row with a 1 there; it is XORed into the other rows with a 1 there and dropped.
 * For a generator of rows x^i g(x) only row k-1 reaches the last column, so this drops rows
 * k-1, k-2, ... unchanged and keeps rows 0..k-s-1 in order (the message numbering survives).
 */
export function shortenCode(code: LinearCode, s: number): LinearCode {
  const g = code.generator;
  const L = g.length;
  if (!Number.isInteger(s) || s < 0 || s >= L) {
    throw new RangeError(`cannot shorten length ${L} by ${s}`);
  }
  const { stride } = g;
  const rows = g.bits.slice();
  const alive = new Uint8Array(g.count).fill(1);
  for (let t = L - 1; t >= L - s; t--) {
    const w = t >>> 5;
    const mask = 1 << (t & 31);
    let pivot = -1;
    for (let i = g.count - 1; i >= 0; i--) {
      if (alive[i] && rows[i * stride + w] & mask) {
        pivot = i;
        break;
      }
    }
    if (pivot < 0) continue; // every codeword is already 0 here: nothing to drop
    alive[pivot] = 0;
    for (let i = 0; i < g.count; i++) {
      if (alive[i] && rows[i * stride + w] & mask) {
        for (let x = 0; x < stride; x++) rows[i * stride + x] ^= rows[pivot * stride + x];
      }
    }
  }
  const kept: number[] = [];
  for (let i = 0; i < g.count; i++) if (alive[i]) kept.push(i);
  if (kept.length === 0) throw new RangeError(`shortening by ${s} leaves no codewords`);
  const reduced = createBinaryWords(kept.length, L);
  kept.forEach((i, r) => {
    reduced.bits.set(rows.subarray(i * stride, (i + 1) * stride), r * stride);
  });
  return {
    name: s ? `${code.name} shortened to [${L - s},${kept.length}]` : code.name,
    generator: truncateWords(reduced, L - s),
    designedDistance: code.designedDistance,
    knownMinimumDistance: null,
  };
}

/** Work (Uint32 operations) shortenCode needs at most: useful for budgets. */
export function shortenWork(code: LinearCode, s: number): number {
  return s * code.generator.count * code.generator.stride;
}

/**
 * How many trailing coordinates can be deleted (shortening) while the dimension stays
 * >= kTarget. Deleting coordinate t costs one dimension when its column (the k bits
 * column(t, out) writes) is independent of the columns already deleted, and nothing when it
 * is dependent, so after the dimension reaches kTarget the following dependent coordinates
 * are deleted too: the result is the shortest trailing shortening of dimension exactly kTarget.
 * For RM codes this matters: the last 2^j coordinates form a subcube on which RM(r, m) has
 * rank only dim RM(r, j).
 */
export function maximalTrailingShortening(
  k: number,
  L: number,
  kTarget: number,
  column: (t: number, out: Uint32Array) => void,
): number {
  const stride = Math.ceil(k / 32);
  const allowed = k - kTarget;
  const basis: (Uint32Array | undefined)[] = new Array(k); // by lowest set bit
  const v = new Uint32Array(stride);
  let rank = 0;
  let s = 0;
  for (let t = L - 1; t > 0; t--) {
    v.fill(0);
    column(t, v);
    let pivot = lowestBit(v);
    while (pivot >= 0 && basis[pivot]) {
      const b = basis[pivot] as Uint32Array;
      for (let x = 0; x < stride; x++) v[x] ^= b[x];
      pivot = lowestBit(v);
    }
    if (pivot >= 0) {
      if (rank === allowed) break; // deleting t would drop below kTarget
      basis[pivot] = v.slice();
      rank++;
    }
    s++;
  }
  return s;
}

function lowestBit(v: Uint32Array): number {
  for (let x = 0; x < v.length; x++) {
    const w = v[x];
    if (w) return x * 32 + (31 - Math.clz32(w & -w));
  }
  return -1;
}
