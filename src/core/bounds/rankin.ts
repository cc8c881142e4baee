/**
 * Rankin's bounds on max_{i != j} <c_i, c_j> for N unit vectors in R^n.
 * Simplex bound: max cosine >= -1/(N-1), for every N; achieved exactly when N <= n+1 (the simplex).
 * Orthoplex bound: when N > n+1 the max cosine is >= 0, and it is exactly 0 for n+2 <= N <= 2n
 * (the cross-polytope). Returns null where the orthoplex bound does not apply (N <= n+1).
 */
export function rankinSimplexBound(N: number): number {
  if (!(N >= 2)) throw new RangeError('the simplex bound needs N >= 2');
  return -1 / (N - 1);
}

export function rankinOrthoplexBound(N: number, n: number): number | null {
  return N > n + 1 ? 0 : null;
}
