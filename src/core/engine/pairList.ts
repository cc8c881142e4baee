import type { Guard } from './guard.ts';

/**
 * The pairs (i, j), i < j, whose cosine can matter to a margin objective: every pair whose cosine
 * exceeded `threshold` when the list was last rebuilt. Rebuilding is the only O(N^2 n) operation
 * of the optimiser; between rebuilds a step costs O(pairs * n). Entries are in a fixed order, so
 * everything computed from the list is deterministic.
 */
export interface PairList {
  count: number;
  /** First index of each pair. */
  a: Int32Array;
  /** Second index of each pair (a < b). */
  b: Int32Array;
  /** Current cosine of each pair. */
  g: Float64Array;
  /** Every pair whose cosine exceeded this at the last rebuild is listed. */
  threshold: number;
  /** Most pairs the list may hold (memory); a rebuild that finds more sets `overflow`. */
  capacity: number;
  /** The last rebuild found more than `capacity` pairs: the list is incomplete. */
  overflow: boolean;
}

/** 4M pairs = 64 MB: enough for every pair when N <= 2896. */
export const DEFAULT_PAIR_CAPACITY = 1 << 22;

export function createPairList(capacity = DEFAULT_PAIR_CAPACITY): PairList {
  const initial = Math.min(capacity, 1024);
  return {
    count: 0,
    a: new Int32Array(initial),
    b: new Int32Array(initial),
    g: new Float64Array(initial),
    threshold: Number.NEGATIVE_INFINITY,
    capacity,
    overflow: false,
  };
}

function grow(list: PairList): void {
  const cap = Math.min(list.capacity, list.a.length * 2);
  const a = new Int32Array(cap);
  const b = new Int32Array(cap);
  const g = new Float64Array(cap);
  a.set(list.a);
  b.set(list.b);
  g.set(list.g);
  list.a = a;
  list.b = b;
  list.g = g;
}

function push(list: PairList, i: number, j: number, v: number): void {
  if (list.count === list.a.length) {
    if (list.count >= list.capacity) {
      list.overflow = true;
      return;
    }
    grow(list);
  }
  list.a[list.count] = i;
  list.b[list.count] = j;
  list.g[list.count] = v;
  list.count++;
}

/**
 * Recomputes every pairwise cosine of the row-major N x n array x, keeps the pairs above
 * `threshold` and returns the largest cosine of all. Rows are taken four at a time, so each
 * coordinate of row j, once loaded, serves four dot products (about twice as fast in V8 as one
 * dot product at a time).
 */
export function rebuildPairs(
  x: Float64Array,
  N: number,
  n: number,
  threshold: number,
  list: PairList,
  guard?: Guard,
): number {
  list.count = 0;
  list.threshold = threshold;
  list.overflow = false;
  let max = Number.NEGATIVE_INFINITY;
  let i = 0;
  for (; i + 3 < N; i += 4) {
    const o0 = i * n;
    const o1 = o0 + n;
    const o2 = o1 + n;
    const o3 = o2 + n;
    // Pairs inside the block of four.
    for (let p = 0; p < 4; p++) {
      for (let q = p + 1; q < 4; q++) {
        const v = dot(x, (i + p) * n, (i + q) * n, n);
        if (v > max) max = v;
        if (v > threshold) push(list, i + p, i + q, v);
      }
    }
    for (let j = i + 4; j < N; j++) {
      const oj = j * n;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0; k < n; k++) {
        const y = x[oj + k];
        s0 += x[o0 + k] * y;
        s1 += x[o1 + k] * y;
        s2 += x[o2 + k] * y;
        s3 += x[o3 + k] * y;
      }
      if (s0 > max) max = s0;
      if (s1 > max) max = s1;
      if (s2 > max) max = s2;
      if (s3 > max) max = s3;
      if (s0 > threshold) push(list, i, j, s0);
      if (s1 > threshold) push(list, i + 1, j, s1);
      if (s2 > threshold) push(list, i + 2, j, s2);
      if (s3 > threshold) push(list, i + 3, j, s3);
      // Poll inside the row loop: at N = 20000, n = 4096 one block of rows is ~1e9 flops.
      if ((j & 63) === 0) guard?.tick(256 * n);
    }
  }
  for (; i < N; i++) {
    for (let j = i + 1; j < N; j++) {
      const v = dot(x, i * n, j * n, n);
      if (v > max) max = v;
      if (v > threshold) push(list, i, j, v);
    }
  }
  return max;
}

/** Recomputes the cosines of the listed pairs; returns their maximum (-Infinity if none). */
export function updatePairs(x: Float64Array, n: number, list: PairList, guard?: Guard): number {
  const { a, b, g, count } = list;
  let max = Number.NEGATIVE_INFINITY;
  for (let p = 0; p < count; p++) {
    const v = dot(x, a[p] * n, b[p] * n, n);
    g[p] = v;
    if (v > max) max = v;
    if ((p & 1023) === 1023) guard?.tick(1024 * n);
  }
  return max;
}

/**
 * The dot product of rows at offsets oa and ob, four coordinates at a time into four sums: V8
 * neither unrolls nor vectorises, and the shorter dependency chains pay (see hinge.ts pushPair).
 */
export function dot(x: Float64Array, oa: number, ob: number, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  for (; k + 3 < n; k += 4) {
    s0 += x[oa + k] * x[ob + k];
    s1 += x[oa + k + 1] * x[ob + k + 1];
    s2 += x[oa + k + 2] * x[ob + k + 2];
    s3 += x[oa + k + 3] * x[ob + k + 3];
  }
  for (; k < n; k++) s0 += x[oa + k] * x[ob + k];
  return s0 + s1 + (s2 + s3);
}
