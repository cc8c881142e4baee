/**
 * Levenshtein's linear-programming bound for spherical codes, turned into a lower bound on the
 * max cosine of N unit vectors in R^n.
 *
 * Levenshtein (1979; "Universal bounds for codes and designs", Handbook of Coding Theory, 1998),
 * in the form used by Boyvalenkov, Dragnev, Hardin, Saff and Stoyanova ("Universal lower bounds
 * for potential energy of spherical codes", Constr. Approx. 44, 2016, Section 2):
 *
 *   P_i(t)         the Gegenbauer polynomials normalised by P_i(1) = 1:
 *                  P_0 = 1, P_1 = t, (i + n - 2) P_{i+1} = (2i + n - 2) t P_i - i P_{i-1};
 *   t_k^{a,b}      the largest zero of the Jacobi polynomial P_k^{(a + (n-3)/2, b + (n-3)/2)},
 *                  with t_0^{1,1} = -1. They interlace:
 *                  -1 = t_0^{1,1} < t_1^{1,0} < t_1^{1,1} < t_2^{1,0} < ... < 1,
 *                  and cut [-1, 1) into I_{2k-1} = [t_{k-1}^{1,1}, t_k^{1,0}], I_{2k} = [t_k^{1,0}, t_k^{1,1}];
 *   L_{2k-1}(n, s) = C(k+n-3, k-1) [ (2k+n-3)/(n-1) - (P_{k-1}(s) - P_k(s)) / ((1-s) P_k(s)) ]  on I_{2k-1},
 *   L_{2k}(n, s)   = C(k+n-2, k)   [ (2k+n-1)/(n-1) - (1+s)(P_k(s) - P_{k+1}(s))
 *                                                     / ((1-s)(P_k(s) + P_{k+1}(s))) ]     on I_{2k}.
 *
 * L(n, s) is continuous and increasing on [-1, 1) and every code on S^{n-1} with max inner
 * product s has at most L(n, s) points. At the ends of the intervals it equals the
 * Delsarte-Goethals-Seidel bound for designs: L_{m}(n, left end of I_m) = D(n, m) and
 * L_m(n, right end of I_m) = D(n, m+1), with D(n, 2e) = C(n+e-1, e) + C(n+e-2, e-1) and
 * D(n, 2e+1) = 2 C(n+e-1, e). So the interval holding the answer for a given N is read off
 * D(n, m) < N <= D(n, m+1) without evaluating L.
 *
 * First cases: L_1 = (s-1)/s (the simplex bound), L_2 = 2n(1-s)/(1-ns) (gives 0 at N = 2n; for
 * n+2 <= N < 2n it gives (N-2n)/(n(N-2)) < 0, weaker than Rankin's orthoplex bound 0),
 * L_3 = n(1-s)(2+(n+1)s)/(1-ns^2). The bound is attained by the tight designs: the simplex,
 * the cross-polytope, the icosahedron (12, 3), the 16 points in R^5, the Schlafli 27 in R^6,
 * the 56 in R^7, the E8 roots (240, 8), 275 in R^22, 552 and 4600 in R^23.
 */

/** Normalised Gegenbauer values P_{k-1}(t), P_k(t), P_{k+1}(t) for S^{n-1} (k >= 1). */
function gegenbauerTriple(n: number, k: number, t: number): [number, number, number] {
  let before = Number.NaN; // P_{i-1} after the loop body, i.e. P_{k-1} at the end
  let a = 1; // P_i
  let b = t; // P_{i+1}
  for (let i = 1; i <= k; i++) {
    const c = ((2 * i + n - 2) * t * b - i * a) / (i + n - 2);
    before = a;
    a = b;
    b = c;
  }
  return [before, a, b];
}

/**
 * Jacobi polynomial P_k^{(a,b)} normalised to 1 at x = 1, and its derivative, by the three-term
 * recurrence (DLMF 18.9.2) divided through by P_j^{(a,b)}(1) = (a+1)_j / j!. Needs a >= b >= -1/2
 * (then |value| <= 1 on [-1, 1]).
 */
function jacobiNormalised(k: number, a: number, b: number, x: number): [number, number] {
  if (k === 0) return [1, 0];
  const g = a + b;
  let rPrev = 1;
  let dPrev = 0;
  let r = 1 + ((g + 2) * (x - 1)) / (2 * (a + 1));
  let d = (g + 2) / (2 * (a + 1));
  for (let j = 1; j < k; j++) {
    const c = 2 * j + g;
    const lin = (c + 1) * (c + 2) * c;
    const shift = (c + 1) * (a * a - b * b);
    const back = 2 * j * (j + b) * (c + 2);
    const den = 2 * (j + g + 1) * c * (j + a + 1);
    const rNext = ((lin * x + shift) * r - back * rPrev) / den;
    const dNext = ((lin * x + shift) * d + lin * r - back * dPrev) / den;
    rPrev = r;
    dPrev = d;
    r = rNext;
    d = dNext;
  }
  return [r, d];
}

/**
 * The largest zero of the Jacobi polynomial P_k^{(a,b)} (k >= 1, a >= b >= -1/2), by Newton's
 * method started at x = 1: all zeros are real and below 1, so the iterates decrease
 * monotonically to the largest one.
 */
export function jacobiLargestZero(k: number, a: number, b: number): number {
  if (!(k >= 1) || !Number.isInteger(k)) throw new RangeError('need an integer degree k >= 1');
  let x = 1;
  for (let iter = 0; iter < 100000; iter++) {
    const [r, d] = jacobiNormalised(k, a, b, x);
    if (!(r > 0) || !(d > 0)) return x; // reached (or rounded past) the zero
    const next = x - r / d;
    if (!(next < x)) return x;
    x = next;
  }
  throw new Error('jacobiLargestZero did not converge');
}

/** t_k^{1,0} (largest zero of P_k^{((n-1)/2, (n-3)/2)}), with t_0 meaningless. */
function t10(n: number, k: number): number {
  return jacobiLargestZero(k, (n - 1) / 2, (n - 3) / 2);
}

/** t_k^{1,1} (largest zero of P_k^{((n-1)/2, (n-1)/2)}), with t_0^{1,1} = -1. */
function t11(n: number, k: number): number {
  return k === 0 ? -1 : jacobiLargestZero(k, (n - 1) / 2, (n - 1) / 2);
}

/** The interval I_m = [left, right] on which Levenshtein's bound is L_m. */
function levenshteinInterval(n: number, m: number): [number, number] {
  const k = Math.ceil(m / 2);
  return m % 2 === 1 ? [t11(n, k - 1), t10(n, k)] : [t10(n, k), t11(n, k)];
}

/** C(n - 2 + j, j) as a float product (exact while it fits in 2^53). */
function binomShift(n: number, j: number): number {
  let c = 1;
  for (let i = 1; i <= j; i++) c = (c * (n - 2 + i)) / i;
  return c;
}

/** L_m(n, s), the m-th Levenshtein function (meaningful for s in I_m). */
function levenshteinPiece(n: number, m: number, s: number): number {
  if (m % 2 === 1) {
    const k = (m + 1) / 2;
    const [pkm1, pk] = gegenbauerTriple(n, k, s);
    return binomShift(n, k - 1) * ((2 * k + n - 3) / (n - 1) - (pkm1 - pk) / ((1 - s) * pk));
  }
  const k = m / 2;
  const [, pk, pk1] = gegenbauerTriple(n, k, s);
  return (
    binomShift(n, k) * ((2 * k + n - 1) / (n - 1) - ((1 + s) * (pk - pk1)) / ((1 - s) * (pk + pk1)))
  );
}

/**
 * Delsarte-Goethals-Seidel lower bound on the size of a spherical tau-design in R^n:
 * D(n, 2e) = C(n+e-1, e) + C(n+e-2, e-1), D(n, 2e+1) = 2 C(n+e-1, e). Equals L(n, .) at the
 * interval ends (see the file comment).
 */
export function designBound(n: number, tau: number): number {
  if (!(n >= 2) || !Number.isInteger(tau) || tau < 1) throw new RangeError('need n >= 2, tau >= 1');
  const e = Math.floor(tau / 2);
  const be = binomShift(n + 1, e); // C(n+e-1, e)
  return tau % 2 === 0 ? be + binomShift(n + 1, e - 1) : 2 * be;
}

function checkDimension(n: number): void {
  if (!(n >= 2) || !Number.isFinite(n)) throw new RangeError('Levenshtein bound needs n >= 2');
}

/**
 * Levenshtein's upper bound L(n, s) on the number of points of a code on S^{n-1} whose inner
 * products are all <= s, for s in [-1, 1] (Infinity at s = 1).
 */
export function levenshteinSize(n: number, s: number): number {
  checkDimension(n);
  if (!(s >= -1 && s <= 1)) throw new RangeError('need -1 <= s <= 1');
  if (s === 1) return Infinity;
  if (s <= -1 / n) return (s - 1) / s; // I_1 = [-1, t_1^{1,0} = -1/n]
  if (s <= 0) return (2 * n * (1 - s)) / (1 - n * s); // I_2 = [-1/n, t_1^{1,1} = 0]
  // Smallest k >= 1 with s <= t_k^{1,1} (t_k^{1,1} increases with k): double, then bisect.
  let hi = 1;
  while (t11(n, hi) < s) hi *= 2;
  let lo = hi >> 1; // t11(lo) < s, or lo = 0 (t_0^{1,1} = -1)
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (t11(n, mid) < s) lo = mid;
    else hi = mid;
  }
  const k = hi;
  const m = s <= t10(n, k) ? 2 * k - 1 : 2 * k;
  return levenshteinPiece(n, m, s);
}

/**
 * Levenshtein's bound as a lower bound on the max cosine: the smallest s in [-1, 1] with
 * L(n, s) >= N, so every N-point code on S^{n-1} (N >= 2, n >= 2) has max cosine >= s.
 * Closed forms on I_1, I_2, I_3; beyond, a bracketed root search of L_m = N on I_m, whose ends
 * are found by Newton's method on the Jacobi polynomials. The value returned is the lower end of
 * the final bracket (L < N there, up to rounding) less a few ulps, so it errs on the safe
 * (smaller) side; the closed forms are returned as computed (-1/(N-1) exactly on I_1).
 */
export function levenshteinBound(N: number, n: number): number {
  checkDimension(n);
  if (!(N >= 2) || !Number.isFinite(N)) throw new RangeError('Levenshtein bound needs N >= 2');
  // The interval: smallest m with N <= D(n, m+1); then D(n, m) < N (D(n, 1) = 2).
  // D(n, 2e) = B_e + B_{e-1}, D(n, 2e+1) = 2 B_e with B_e = C(n+e-1, e), walked incrementally.
  let m = 1;
  let e = 1; // tau = m + 1 = 2, e = floor(tau / 2)
  let bPrev = 1; // B_{e-1}
  let bCur = n; // B_e
  for (;;) {
    const d = (m + 1) % 2 === 0 ? bCur + bPrev : 2 * bCur; // D(n, m + 1)
    if (d >= N) break;
    m++;
    if ((m + 1) % 2 === 0) {
      bPrev = bCur;
      bCur = (bCur * (n + e)) / (e + 1);
      e++;
    }
  }
  if (m === 1) return -1 / (N - 1); // (s - 1)/s = N
  if (m === 2) return (N - 2 * n) / (n * (N - 2)); // 2n(1-s)/(1-ns) = N
  if (m === 3) {
    // n(1-s)(2+(n+1)s) = N(1-ns^2)  <=>  n(N-n-1) s^2 + n(n-1) s - (N-2n) = 0, positive root.
    const A = n * (N - n - 1);
    const B = n * (n - 1);
    const C = N - 2 * n;
    return (2 * C) / (B + Math.sqrt(B * B + 4 * A * C));
  }
  let [lo, hi] = levenshteinInterval(n, m);
  // L_m increases on I_m from D(n, m) < N to D(n, m+1) >= N. Illinois (regula falsi that halves
  // the stale end's value), falling back to bisection, until the bracket is a few ulps wide.
  let fLo = levenshteinPiece(n, m, lo) - N;
  let fHi = levenshteinPiece(n, m, hi) - N;
  // Rounded down by a few ulps so that float noise never lifts the bound above an exact optimum
  // (the tight designs sit at interval ends, e.g. E8 at s = 1/2).
  const down = (x: number): number => x - 8 * Number.EPSILON * Math.abs(x);
  if (!(fLo < 0)) return down(lo); // N sits (up to rounding) at the left end
  if (!(fHi >= 0)) return down(hi); // ... or at the right end
  let side = 0;
  for (let iter = 0; iter < 400; iter++) {
    if (hi - lo <= 4 * Number.EPSILON * Math.max(Math.abs(lo), Math.abs(hi), 1e-6)) break;
    let s = (lo * fHi - hi * fLo) / (fHi - fLo);
    if (!(s > lo && s < hi) || iter % 8 === 7) s = 0.5 * (lo + hi); // safeguard
    if (!(s > lo && s < hi)) break;
    const f = levenshteinPiece(n, m, s) - N;
    if (f >= 0) {
      hi = s;
      fHi = f;
      if (side === 1) fLo /= 2;
      side = 1;
    } else {
      lo = s;
      fLo = f;
      if (side === -1) fHi /= 2;
      side = -1;
    }
  }
  return down(lo);
}
