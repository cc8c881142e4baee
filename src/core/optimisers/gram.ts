/**
 * G = C C^T for a row-major N x n array, into `out` (N x N, symmetric). The diagonal is written
 * too. One triangle is computed and mirrored: N^2 n / 2 multiply-adds.
 */
export function gramInto(data: Float64Array, N: number, n: number, out: Float64Array): void {
  for (let i = 0; i < N; i++) {
    const a = i * n;
    for (let j = i; j < N; j++) {
      const b = j * n;
      let s = 0;
      for (let k = 0; k < n; k++) s += data[a + k] * data[b + k];
      out[i * N + j] = s;
      out[j * N + i] = s;
    }
  }
}

/** out = W C for a symmetric N x N weight matrix W and row-major N x n C (out is N x n). */
export function weightedSumInto(
  weights: Float64Array,
  data: Float64Array,
  N: number,
  n: number,
  out: Float64Array,
): void {
  out.fill(0);
  for (let i = 0; i < N; i++) {
    const o = i * n;
    const w = i * N;
    for (let j = 0; j < N; j++) {
      const wij = weights[w + j];
      if (wij === 0) continue;
      const b = j * n;
      for (let k = 0; k < n; k++) out[o + k] += wij * data[b + k];
    }
  }
}

/** max_{i != j} G_ij of a symmetric N x N matrix. */
export function maxOffDiagonal(gram: Float64Array, N: number): number {
  let max = -Infinity;
  for (let i = 0; i < N; i++) {
    for (let j = i + 1; j < N; j++) if (gram[i * N + j] > max) max = gram[i * N + j];
  }
  return max;
}
