import { gilbertVarshamovBound } from './gilbertVarshamov.ts';
import { levenshteinBound } from './levenshtein.ts';
import { rankinOrthoplexBound, rankinSimplexBound } from './rankin.ts';

/**
 * The bounds drawn next to every result, for N prototypes on S^{n-1}. Lower bounds say no
 * codebook can do better; gilbertVarshamov is achievable (some binary code does at least this
 * well). A bound that does not apply at (N, n) is null.
 */
export interface SeparationBounds {
  /** Rankin simplex bound -1/(N-1) (lower; tight when N <= n+1). */
  readonly rankin: number;
  /** Rankin orthoplex bound 0 (lower; applies when N > n+1, tight for N <= 2n). */
  readonly orthoplex: number | null;
  /** Gilbert-Varshamov: 1 - 2 d_GV / n is achievable; null when n < ceil(log2 N). */
  readonly gilbertVarshamov: number | null;
  /**
   * Levenshtein's linear-programming bound (lower): the smallest s with L(n, s) >= N. Equals the
   * simplex bound for N <= n+1, is below 0 for n+1 < N < 2n (there Rankin's 0 is stronger), and is
   * attained by the tight designs (icosahedron, E8 roots, ...). null when n < 2.
   */
  readonly levenshtein: number | null;
  /** The strongest lower bound known here. */
  readonly lower: number;
}

export function separationBounds(N: number, n: number): SeparationBounds {
  const rankin = rankinSimplexBound(N);
  const orthoplex = rankinOrthoplexBound(N, n);
  const levenshtein = n >= 2 ? levenshteinBound(N, n) : null;
  const lower = Math.max(rankin, orthoplex ?? -Infinity, levenshtein ?? -Infinity);
  return {
    rankin,
    orthoplex,
    gilbertVarshamov: gilbertVarshamovBound(N, n),
    levenshtein,
    lower,
  };
}
