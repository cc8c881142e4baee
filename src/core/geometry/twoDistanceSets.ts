/**
 * Spherical two-distance sets from strongly regular graphs. A strongly regular graph
 * (v, k, lambda, mu) has three eigenvalues k > r > s; projecting the standard basis onto the
 * eigenspace of s (dimension m) gives v unit vectors in R^m with only two cosines: s / k between
 * neighbours and -(1 + s) / (v - k - 1) between the others. For the graphs of the Steiner system
 * S(3, 6, 22) (codes/golay.ts) these beat local search by 25-30 % at their (N, n):
 * - Gewirtz graph (56, 10, 0, 2): 56 points in R^20, max cosine 1/15;
 * - M22 graph (77, 16, 0, 4): 77 points in R^21, max cosine 1/12;
 * - Higman-Sims graph (100, 22, 0, 6): 100 points in R^22, max cosine 1/11;
 * - McLaughlin graph (275, 112, 30, 56): 275 points in R^22, max cosine 1/6.
 * The last two meet Levenshtein's bound: they are optimal.
 */
import { steinerHeptads, steinerHexads } from '../codes/golay.ts';
import { popcount32 } from '../math/binaryWords.ts';

export interface StronglyRegularGraph {
  readonly name: string;
  readonly v: number;
  /** v x v, 1 where two vertices are adjacent. */
  readonly adjacency: Uint8Array;
}

export interface SrgParameters {
  readonly v: number;
  readonly k: number;
  readonly lambda: number;
  readonly mu: number;
}

export interface TwoDistanceSet {
  readonly name: string;
  /** Dimension of the eigenspace, where the points are given. */
  readonly n: number;
  readonly count: number;
  /** Row-major count x n unit vectors. */
  readonly data: Float64Array;
  /** The cosine between non-neighbours (positive: the max cosine) and between neighbours. */
  readonly cosines: { readonly far: number; readonly near: number };
}

/** Hexads of S(3, 6, 22) (77 vertices), adjacent when disjoint. */
export function m22Graph(): StronglyRegularGraph {
  return disjointnessGraph('M22 graph', steinerHexads());
}

/** The 56 hexads that avoid one point, adjacent when disjoint. */
export function gewirtzGraph(): StronglyRegularGraph {
  return disjointnessGraph(
    'Gewirtz graph',
    steinerHexads().filter((h) => (h & 1) === 0),
  );
}

/**
 * Higman-Sims: a vertex infinity, the 22 points and the 77 hexads; infinity is adjacent to every
 * point, a point to the hexads through it, and two hexads when they are disjoint.
 */
export function higmanSimsGraph(): StronglyRegularGraph {
  const hexads = steinerHexads();
  const v = 1 + 22 + hexads.length;
  const a = new Uint8Array(v * v);
  const link = (i: number, j: number) => {
    a[i * v + j] = 1;
    a[j * v + i] = 1;
  };
  for (let p = 0; p < 22; p++) link(0, 1 + p);
  hexads.forEach((h, b) => {
    for (let p = 0; p < 22; p++) if ((h >> p) & 1) link(1 + p, 23 + b);
    hexads.forEach((g, c) => {
      if (c > b && (h & g) === 0) link(23 + b, 23 + c);
    });
  });
  return { name: 'Higman-Sims graph', v, adjacency: a };
}

/**
 * McLaughlin (275, 112, 30, 56), from S(4, 7, 23): on its 23 points and 253 heptads, join a point
 * to the heptads that miss it and two heptads that meet in one point. That graph's switching
 * class is a regular two-graph; switching point 0's neighbourhood isolates point 0, and the other
 * 275 vertices form the McLaughlin graph (or its complement: whichever has degree 112 is taken).
 */
export function mcLaughlinGraph(): StronglyRegularGraph {
  const heptads = steinerHeptads();
  const v = 23 + heptads.length;
  const joined = (i: number, j: number): boolean => {
    if (i < 23 && j < 23) return false;
    if (i < 23) return ((heptads[j - 23] >> i) & 1) === 0;
    if (j < 23) return ((heptads[i - 23] >> j) & 1) === 0;
    return popcount32(heptads[i - 23] & heptads[j - 23]) === 1;
  };
  const isolated = 0;
  const out = v - 1;
  const a = new Uint8Array(out * out);
  let degree = 0;
  for (let i = 1; i < v; i++) {
    for (let j = 1; j < v; j++) {
      if (i === j) continue;
      // Switching: the edges between the neighbourhood of `isolated` and the rest flip.
      const flip = joined(isolated, i) !== joined(isolated, j);
      a[(i - 1) * out + (j - 1)] = joined(i, j) !== flip ? 1 : 0;
    }
  }
  for (let j = 0; j < out; j++) degree += a[j];
  if (degree !== 112) {
    for (let i = 0; i < out; i++) for (let j = 0; j < out; j++) if (i !== j) a[i * out + j] ^= 1;
  }
  return { name: 'McLaughlin graph', v: out, adjacency: a };
}

/** Sets as bit masks, adjacent when disjoint. */
function disjointnessGraph(name: string, sets: readonly number[]): StronglyRegularGraph {
  const v = sets.length;
  const a = new Uint8Array(v * v);
  for (let i = 0; i < v; i++) {
    for (let j = 0; j < v; j++) if (i !== j && (sets[i] & sets[j]) === 0) a[i * v + j] = 1;
  }
  return { name, v, adjacency: a };
}

/** Its parameters, or null when the graph is not strongly regular. */
export function srgParameters(g: StronglyRegularGraph): SrgParameters | null {
  const { v, adjacency: a } = g;
  let k = -1;
  let lambda = -1;
  let mu = -1;
  for (let i = 0; i < v; i++) {
    let degree = 0;
    for (let j = 0; j < v; j++) degree += a[i * v + j];
    if (k < 0) k = degree;
    if (degree !== k || a[i * v + i]) return null;
    for (let j = i + 1; j < v; j++) {
      let common = 0;
      for (let t = 0; t < v; t++) common += a[i * v + t] & a[j * v + t];
      if (a[i * v + j]) {
        if (lambda < 0) lambda = common;
        if (common !== lambda) return null;
      } else {
        if (mu < 0) mu = common;
        if (common !== mu) return null;
      }
    }
  }
  return { v, k, lambda, mu };
}

/**
 * The graph's smallest-eigenvalue representation: the Gram matrix
 * I + (s / k) A - ((1 + s) / (v - k - 1)) (J - I - A) is positive semidefinite of rank m, and a
 * pivoted Cholesky factorisation gives coordinates in R^m.
 */
export function twoDistanceSet(g: StronglyRegularGraph): TwoDistanceSet {
  const p = srgParameters(g);
  if (!p) throw new RangeError(`${g.name} is not strongly regular`);
  const { v, k, lambda, mu } = p;
  const s = (lambda - mu - Math.sqrt((lambda - mu) ** 2 + 4 * (k - mu))) / 2;
  const near = s / k;
  const far = -(1 + s) / (v - k - 1);
  const gram = new Float64Array(v * v);
  for (let i = 0; i < v; i++) {
    for (let j = 0; j < v; j++) {
      gram[i * v + j] = i === j ? 1 : g.adjacency[i * v + j] ? near : far;
    }
  }
  const { factor, rank } = pivotedCholesky(gram, v);
  // Unit rows to the last bit (the factor's rows have norm 1 up to rounding).
  for (let i = 0; i < v; i++) {
    let norm = 0;
    for (let c = 0; c < rank; c++) norm += factor[i * rank + c] ** 2;
    const inv = 1 / Math.sqrt(norm);
    for (let c = 0; c < rank; c++) factor[i * rank + c] *= inv;
  }
  return { name: g.name, n: rank, count: v, data: factor, cosines: { far, near } };
}

/**
 * G = L L^T for a positive semidefinite v x v matrix, L with as many columns as G's rank (the
 * pivots stop when what is left of the diagonal is rounding). Returns L row-major (v x rank).
 */
function pivotedCholesky(gram: Float64Array, v: number): { factor: Float64Array; rank: number } {
  const d = new Float64Array(v);
  for (let i = 0; i < v; i++) d[i] = gram[i * v + i];
  const columns: Float64Array[] = [];
  const used = new Uint8Array(v);
  for (;;) {
    let piv = -1;
    for (let i = 0; i < v; i++) if (!used[i] && (piv < 0 || d[i] > d[piv])) piv = i;
    if (piv < 0 || d[piv] < 1e-9) break;
    used[piv] = 1;
    const col = new Float64Array(v);
    const root = Math.sqrt(d[piv]);
    for (let i = 0; i < v; i++) {
      let x = gram[i * v + piv];
      for (const c of columns) x -= c[i] * c[piv];
      col[i] = used[i] && i !== piv ? 0 : x / root;
    }
    col[piv] = root;
    for (let i = 0; i < v; i++) if (!used[i]) d[i] -= col[i] * col[i];
    columns.push(col);
  }
  const rank = columns.length;
  const factor = new Float64Array(v * rank);
  for (let i = 0; i < v; i++) for (let c = 0; c < rank; c++) factor[i * rank + c] = columns[c][i];
  return { factor, rank };
}
