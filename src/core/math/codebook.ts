/**
 * A codebook is N prototypes in R^n, stored row-major in one Float64Array (row i is prototype i).
 * Rows are unit vectors: points on the sphere S^{n-1}.
 */
export interface Codebook {
  /** Number of prototypes (classes). */
  readonly N: number;
  /** Ambient dimension: the prototypes lie on S^{n-1} in R^n. */
  readonly n: number;
  /** Row-major N x n coordinates. */
  readonly data: Float64Array;
}

export function createCodebook(N: number, n: number, data?: Float64Array): Codebook {
  if (!Number.isInteger(N) || N < 1) throw new RangeError(`N must be a positive integer, got ${N}`);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  const buffer = data ?? new Float64Array(N * n);
  if (buffer.length !== N * n) {
    throw new RangeError(`codebook data has ${buffer.length} numbers, expected N*n = ${N * n}`);
  }
  return { N, n, data: buffer };
}

/** A view (no copy) of prototype i. */
export function rowOf(codebook: Codebook, i: number): Float64Array {
  return codebook.data.subarray(i * codebook.n, (i + 1) * codebook.n);
}

/** Inner product <c_i, c_j>. */
export function dotRows(codebook: Codebook, i: number, j: number): number {
  const { n, data } = codebook;
  const a = i * n;
  const b = j * n;
  let s = 0;
  for (let k = 0; k < n; k++) s += data[a + k] * data[b + k];
  return s;
}

/** Scales every row of a row-major N x n array to unit length in place (zero rows are left zero). */
export function normaliseRows(data: Float64Array, N: number, n: number): void {
  for (let i = 0; i < N; i++) {
    const o = i * n;
    let s = 0;
    for (let k = 0; k < n; k++) s += data[o + k] * data[o + k];
    if (s > 0) {
      const inv = 1 / Math.sqrt(s);
      for (let k = 0; k < n; k++) data[o + k] *= inv;
    }
  }
}

/** Converts to nested arrays (for JSON and UI). */
export function toRows(codebook: Codebook): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < codebook.N; i++) rows.push(Array.from(rowOf(codebook, i)));
  return rows;
}

/** Builds a codebook from nested arrays; every row must have the same length. */
export function fromRows(rows: readonly (readonly number[])[]): Codebook {
  const N = rows.length;
  if (N === 0) throw new RangeError('a codebook needs at least one prototype');
  const n = rows[0].length;
  const data = new Float64Array(N * n);
  rows.forEach((r, i) => {
    if (r.length !== n) throw new RangeError(`row ${i} has ${r.length} numbers, row 0 has ${n}`);
    data.set(r, i * n);
  });
  return createCodebook(N, n, data);
}

/** Gram matrix G = C C^T (N x N, row-major). */
export function gramMatrix(codebook: Codebook): Float64Array {
  const { N } = codebook;
  const g = new Float64Array(N * N);
  for (let i = 0; i < N; i++) {
    g[i * N + i] = dotRows(codebook, i, i);
    for (let j = i + 1; j < N; j++) {
      const v = dotRows(codebook, i, j);
      g[i * N + j] = v;
      g[j * N + i] = v;
    }
  }
  return g;
}

/** Fills a row-major N x n array with i.i.d. standard normal entries and normalises the rows. */
export function gaussianRows(N: number, n: number, normal: () => number): Float64Array {
  const data = new Float64Array(N * n);
  for (let i = 0; i < data.length; i++) data[i] = normal();
  normaliseRows(data, N, n);
  return data;
}
