/**
 * Root systems as spherical codes: the roots of D_n (n >= 4) and of E6, E7, E8, scaled to unit
 * length. Every inner product between two roots is -1, -1/2, 0 or 1/2, so any set of them has
 * max cosine at most 1/2. They are the best codes known at their sizes where local search falls
 * short: D4 is the 24-cell (24 points on S^3), D5 the 40 points of the kissing configuration in
 * R^5, E6 has 72 roots in R^6, E7 126 in R^7, and E8's 240 roots are the optimal kissing
 * configuration in R^8 (they meet Levenshtein's bound, 1/2).
 */
import { popcount32 } from '../math/binaryWords.ts';

export interface RootSystem {
  /** e.g. "D4", "E8". */
  readonly name: string;
  /** Dimension of the space the roots span (and are given in). */
  readonly n: number;
  readonly count: number;
  /** Row-major count x n unit vectors. */
  readonly data: Float64Array;
}

/** D_n: (+-e_i +- e_j) / sqrt 2 for i < j: 2n(n-1) roots. */
export function rootsD(n: number): RootSystem {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`D_n needs n >= 2, got ${n}`);
  return fromRows(`D${n}`, n, dNorm2(n));
}

/** D_n in its norm-2 form: +-e_i +- e_j for i < j (fromRows scales rows to unit length). */
function dNorm2(n: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      for (const a of [1, -1]) {
        for (const b of [1, -1]) {
          const r = new Array<number>(n).fill(0);
          r[i] = a;
          r[j] = b;
          rows.push(r);
        }
      }
    }
  }
  return rows;
}

/** E8 (norm-2 form): D8's 112 roots and the 128 vectors (+-1/2)^8 with an even number of minus signs. */
function e8Norm2(): number[][] {
  const rows = dNorm2(8);
  for (let mask = 0; mask < 256; mask++) {
    if (popcount32(mask) % 2 === 0)
      rows.push(Array.from({ length: 8 }, (_, t) => ((mask >> t) & 1 ? -0.5 : 0.5)));
  }
  return rows;
}

export function rootsE8(): RootSystem {
  return fromRows('E8', 8, e8Norm2());
}

/** E7: the 126 roots of E8 orthogonal to one root, in coordinates of that root's complement. */
export function rootsE7(): RootSystem {
  return subsystem('E7', [new Array<number>(8).fill(0.5)]);
}

/** E6: the 72 roots of E8 orthogonal to an A2 (two roots at 120 degrees), in 6 coordinates. */
export function rootsE6(): RootSystem {
  return subsystem('E6', [new Array<number>(8).fill(0.5), [-1, -1, 0, 0, 0, 0, 0, 0]]);
}

/** E8 roots orthogonal to all of `fixed`, written in an orthonormal basis of their complement. */
function subsystem(name: string, fixed: number[][]): RootSystem {
  const kept = e8Norm2().filter((r) => fixed.every((f) => Math.abs(dot(r, f)) < 1e-12));
  const basis = complementBasis(fixed, 8);
  const rows = kept.map((r) => basis.map((b) => dot(r, b)));
  return fromRows(name, basis.length, rows);
}

/**
 * An orthonormal basis of the orthogonal complement of span(vectors) in R^dim: Gram-Schmidt over
 * the vectors, then over the standard basis, keeping what is left of the latter.
 */
function complementBasis(vectors: number[][], dim: number): number[][] {
  const span: number[][] = [];
  const basis: number[][] = [];
  const reduce = (v: number[]): number[] | null => {
    const r = v.slice();
    for (const u of [...span, ...basis]) {
      const c = dot(r, u);
      for (let t = 0; t < dim; t++) r[t] -= c * u[t];
    }
    const norm = Math.sqrt(dot(r, r));
    return norm > 1e-9 ? r.map((x) => x / norm) : null;
  };
  for (const v of vectors) {
    const r = reduce(v);
    if (r) span.push(r);
  }
  for (let t = 0; t < dim; t++) {
    const e = new Array<number>(dim).fill(0);
    e[t] = 1;
    const r = reduce(e);
    if (r) basis.push(r);
  }
  return basis;
}

function fromRows(name: string, n: number, rows: number[][]): RootSystem {
  const data = new Float64Array(rows.length * n);
  rows.forEach((r, i) => {
    const norm = Math.sqrt(dot(r, r));
    for (let t = 0; t < n; t++) data[i * n + t] = r[t] / norm;
  });
  return { name, n, count: rows.length, data };
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let t = 0; t < a.length; t++) s += a[t] * b[t];
  return s;
}
