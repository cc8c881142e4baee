/**
 * The Gilbert-Varshamov achievability bound in the form the coding-theory authors use:
 * k = ceil(log2 N), d_GV = 1 + (the lower binomial quantile of 2^(1-k) for Binomial(n-1, 1/2)),
 * i.e. 1 + the smallest x with P(X <= x) >= 2^(1-k). Some binary [n, k] code then has minimum
 * distance >= d_GV, so its gamma image has max cosine <= 1 - 2 d_GV / n. Undefined (null) when
 * n < k. Exact: CDF(x) >= 2^(1-k)  <=>  sum_{i<=x} C(n-1, i) >= 2^(n-k), in BigInt.
 */
export function gilbertVarshamovDistance(N: number, n: number): number | null {
  if (!(N >= 2) || !(n >= 1)) throw new RangeError('need N >= 2 and n >= 1');
  let k = 0;
  while (2 ** k < N) k++;
  if (n < k) return null;
  const target = 1n << BigInt(n - k);
  let binom = 1n; // C(n-1, 0)
  let cumulative = 0n;
  for (let x = 0; x <= n - 1; x++) {
    cumulative += binom;
    if (cumulative >= target) return 1 + x;
    binom = (binom * BigInt(n - 1 - x)) / BigInt(x + 1);
  }
  return n; // unreachable: the full sum is 2^(n-1) >= 2^(n-k) for k >= 1
}

/** Max cosine achievable by some binary code (GV): 1 - 2 d_GV / n, or null when n < ceil(log2 N). */
export function gilbertVarshamovBound(N: number, n: number): number | null {
  const d = gilbertVarshamovDistance(N, n);
  return d === null ? null : 1 - (2 * d) / n;
}
