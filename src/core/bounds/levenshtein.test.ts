import { describe, expect, it } from 'vitest';
import {
  designBound,
  jacobiLargestZero,
  levenshteinBound,
  levenshteinSize,
} from './levenshtein.ts';
import { TAMMES_OPTIMA } from './tammes.ts';

const close = (actual: number, expected: number, tol: number): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol);
};
const deg = (d: number): number => Math.cos((d * Math.PI) / 180);

// ---- an independent evaluation of Levenshtein's bound, straight from its definition ----------
// L_m(n, s) = f(1) / f_0 for Levenshtein's polynomial f (Delsarte-Goethals-Seidel LP bound):
//   m = 2k-1: f(t) = (t - s) T(t)^2,          T from the Jacobi family P^{((n-1)/2, (n-3)/2)};
//   m = 2k:   f(t) = (t + 1)(t - s) T(t)^2,   T from the Jacobi family P^{((n-1)/2, (n-1)/2)};
// T(t) = (Q_k(t) Q_{k-1}(s) - Q_k(s) Q_{k-1}(t)) / (t - s) (Christoffel-Darboux kernel), and f_0
// the mean of f under the weight (1 - t^2)^{(n-3)/2}. Jacobi polynomials by their explicit sum
// (not the recurrence the module uses), integrals by Gauss-Legendre (odd n: the integrand is a
// polynomial) or the trapezoid rule in t = cos(theta) (even n: a trigonometric polynomial).

function gbinom(x: number, j: number): number {
  let c = 1;
  for (let i = 0; i < j; i++) c = (c * (x - i)) / (i + 1);
  return c;
}
function jacobiBySum(k: number, a: number, b: number, x: number): number {
  let sum = 0;
  for (let j = 0; j <= k; j++) {
    sum += gbinom(k + a, k - j) * gbinom(k + b, j) * ((x - 1) / 2) ** j * ((x + 1) / 2) ** (k - j);
  }
  return sum;
}
function gaussLegendre(order: number): [number[], number[]] {
  const nodes: number[] = [];
  const weights: number[] = [];
  for (let i = 1; i <= order; i++) {
    let x = Math.cos((Math.PI * (i - 0.25)) / (order + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = x;
      for (let j = 2; j <= order; j++) {
        const p2 = ((2 * j - 1) * x * p1 - (j - 1) * p0) / j;
        p0 = p1;
        p1 = p2;
      }
      dp = (order * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / dp;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    nodes.push(x);
    weights.push(2 / ((1 - x * x) * dp * dp));
  }
  return [nodes, weights];
}
const [glNodes, glWeights] = gaussLegendre(48);
function weightedMean(n: number, g: (t: number) => number): number {
  let num = 0;
  let den = 0;
  if (n % 2 === 1) {
    for (let i = 0; i < glNodes.length; i++) {
      const w = glWeights[i] * (1 - glNodes[i] ** 2) ** ((n - 3) / 2);
      num += w * g(glNodes[i]);
      den += w;
    }
  } else {
    const M = 400;
    for (let i = 0; i < M; i++) {
      const th = ((i + 0.5) * 2 * Math.PI) / M;
      const w = Math.sin(th) ** (n - 2);
      num += w * g(Math.cos(th));
      den += w;
    }
  }
  return num / den;
}
function levenshteinByLp(n: number, m: number, s: number): number {
  const k = Math.ceil(m / 2);
  const a = (n - 1) / 2;
  const b = m % 2 === 1 ? (n - 3) / 2 : (n - 1) / 2;
  const q = (j: number, x: number) => jacobiBySum(j, a, b, x);
  const f = (t: number): number => {
    const cd = q(k, t) * q(k - 1, s) - q(k, s) * q(k - 1, t); // (t - s) T(t)
    const base = (cd * cd) / (t - s); // (t - s) T^2
    return m % 2 === 1 ? base : (t + 1) * base;
  };
  return f(1) / weightedMean(n, f);
}
/** I_m = [left, right] from the module's zero finder. */
function interval(n: number, m: number): [number, number] {
  const k = Math.ceil(m / 2);
  const t10 = (j: number) => jacobiLargestZero(j, (n - 1) / 2, (n - 3) / 2);
  const t11 = (j: number) => (j === 0 ? -1 : jacobiLargestZero(j, (n - 1) / 2, (n - 1) / 2));
  return m % 2 === 1 ? [t11(k - 1), t10(k)] : [t10(k), t11(k)];
}

describe('Levenshtein function L(n, s)', () => {
  it('matches f(1)/f_0 of Levenshtein\u2019s polynomial (independent quadrature)', () => {
    let checked = 0;
    for (const n of [3, 4, 5, 6, 8, 24]) {
      for (let m = 1; m <= 7; m++) {
        const [lo, hi] = interval(n, m);
        for (const u of [0.13, 0.5, 0.87]) {
          const s = lo + u * (hi - lo);
          const lp = levenshteinByLp(n, m, s);
          expect(Math.abs(levenshteinSize(n, s) - lp) / lp).toBeLessThan(1e-9);
          checked++;
        }
      }
    }
    expect(checked).toBe(6 * 7 * 3);
  });

  it('first zeros: t_1^{1,0} = -1/n, t_1^{1,1} = 0, t_2^{1,1}(n=3) = 1/sqrt 5, t_3^{1,1}(n=8) = 1/2', () => {
    for (const n of [2, 3, 7, 100, 4096]) {
      close(interval(n, 1)[1], -1 / n, 1e-15);
      close(interval(n, 2)[1], 0, 1e-15);
    }
    close(interval(3, 4)[1], 1 / Math.sqrt(5), 1e-15);
    close(interval(8, 6)[1], 0.5, 1e-15);
    close(interval(6, 3)[1], 0.25, 1e-15);
  });

  it('equals the Delsarte-Goethals-Seidel design bounds D(n, m), D(n, m+1) at the ends of I_m', () => {
    expect(designBound(3, 4)).toBe(9);
    expect(designBound(8, 7)).toBe(240);
    expect(designBound(6, 4)).toBe(27);
    for (const n of [2, 3, 4, 5, 10, 33]) {
      for (let m = 1; m <= 9; m++) {
        const [lo, hi] = interval(n, m);
        const dLo = designBound(n, m);
        const dHi = designBound(n, m + 1);
        expect(Math.abs(levenshteinSize(n, lo) - dLo) / dLo).toBeLessThan(1e-9);
        expect(Math.abs(levenshteinSize(n, hi) - dHi) / dHi).toBeLessThan(1e-9);
      }
    }
  });

  it('has the closed forms L_1 = (s-1)/s, L_2 = 2n(1-s)/(1-ns), L_3 = n(1-s)(2+(n+1)s)/(1-ns^2)', () => {
    for (const n of [2, 3, 9, 128]) {
      close(levenshteinSize(n, -0.5 - 0.5 / n), (-0.5 - 0.5 / n - 1) / (-0.5 - 0.5 / n), 1e-12);
      const s2 = -0.3 / n;
      close(levenshteinSize(n, s2), (2 * n * (1 - s2)) / (1 - n * s2), 1e-12);
      const [lo, hi] = interval(n, 3);
      const s3 = 0.4 * lo + 0.6 * hi;
      const l3 = (n * (1 - s3) * (2 + (n + 1) * s3)) / (1 - n * s3 * s3);
      expect(Math.abs(levenshteinSize(n, s3) - l3) / l3).toBeLessThan(1e-12);
    }
  });

  it('gives the kissing numbers 240 (n = 8) and 196560 (n = 24) at s = 1/2', () => {
    close(levenshteinSize(8, 0.5), 240, 1e-9);
    close(levenshteinSize(24, 0.5), 196560, 1e-6);
    expect(levenshteinSize(3, 0.5)).toBeGreaterThan(13); // the kissing number in R^3 is 12
    expect(levenshteinSize(3, 0.5)).toBeLessThan(14);
  });
});

describe('levenshteinBound (lower bound on the max cosine)', () => {
  it('is the simplex bound -1/(N-1) for N <= n + 1', () => {
    for (const n of [2, 3, 10, 128, 4096]) {
      for (const N of [2, 3, Math.ceil((n + 1) / 2), n, n + 1]) {
        if (N < 2 || N > n + 1) continue;
        close(levenshteinBound(N, n), -1 / (N - 1), 1e-15);
      }
    }
  });

  it('is (N - 2n)/(n(N - 2)) for n + 1 <= N <= 2n: 0 at N = 2n, weaker than Rankin\u2019s 0 below', () => {
    for (const n of [2, 3, 10, 64, 4096]) {
      for (const N of [n + 1, n + 2, Math.floor(1.5 * n), 2 * n - 1, 2 * n]) {
        if (N < n + 1) continue;
        const v = levenshteinBound(N, n);
        close(v, (N - 2 * n) / (n * (N - 2)), 1e-15);
        expect(v).toBeLessThanOrEqual(0);
      }
      close(levenshteinBound(2 * n, n), 0, 1e-15);
      close(levenshteinBound(n + 1, n), -1 / n, 1e-15);
    }
  });

  it('never exceeds the optimal Tammes codes on S^2 and is tight for the icosahedron', () => {
    for (const [N, angle] of TAMMES_OPTIMA) {
      expect(levenshteinBound(N, 3)).toBeLessThanOrEqual(deg(angle) + 1e-9);
    }
    close(levenshteinBound(12, 3), 1 / Math.sqrt(5), 1e-12); // icosahedron, a tight 5-design
    close(levenshteinBound(4, 3), -1 / 3, 1e-15); // tetrahedron
    close(levenshteinBound(6, 3), 0, 1e-15); // octahedron
    expect(levenshteinBound(13, 3)).toBeLessThan(deg(57.1367) - 0.05); // not tight at 13
  });

  it('is attained by the tight designs (and never rounds above them)', () => {
    const tight: Array<[number, number, number]> = [
      [12, 3, 1 / Math.sqrt(5)], // icosahedron
      [16, 5, 1 / 5], // Clebsch / half 5-cube
      [27, 6, 1 / 4], // Schlafli
      [56, 7, 1 / 3], // tight 5-design in R^7
      [240, 8, 1 / 2], // E8 roots
      [275, 22, 1 / 6], // McLaughlin
      [552, 23, 1 / 5], // tight 5-design in R^23
      [4600, 23, 1 / 3], // tight 7-design in R^23
    ];
    for (const [N, n, s] of tight) {
      const v = levenshteinBound(N, n);
      close(v, s, 1e-12);
      expect(v).toBeLessThanOrEqual(s);
    }
  });

  it('is tight on the circle: cos(2 pi / N) for n = 2', () => {
    for (const N of [3, 4, 5, 6, 7, 10, 17, 64, 101, 1000, 20000]) {
      const v = levenshteinBound(N, 2);
      close(v, Math.cos((2 * Math.PI) / N), 1e-12);
    }
  });

  it('stays below the 600-cell (120 points in R^4, max cosine cos 36 deg), not tight there', () => {
    const v = levenshteinBound(120, 4);
    expect(v).toBeLessThan(deg(36));
    expect(v).toBeGreaterThan(0.8); // 0.80726...
  });

  it('matches high-precision reference values (mpmath, 50 digits, rounded) and stays below SCIENCE.md', () => {
    // [N, n, reference, best achieved max cosine in SCIENCE.md]
    const table: Array<[number, number, number, number]> = [
      [100, 16, 0.1532981736886347, 0.229],
      [100, 32, 0.033818477678207, 0.097],
      [100, 64, -0.004464285714285714, 0.0159],
      [100, 128, -0.0101010101010101, -0.0101],
      [1000, 64, 0.09163852036189843, 0.143],
      [1000, 128, 0.03658712025292703, 0.0984],
      [1000, 256, 0.007319391736936248, 0.0556],
      [1000, 512, -4.69689378757515e-5, 0.002],
      [240, 8, 0.5, 0.5],
      [13, 3, 0.4893725666873678, deg(57.1367)],
      [24, 3, 0.7102615884464756, deg(43.6908)],
      [120, 4, 0.8072637003002652, deg(36)],
      [20000, 3, 0.9996329732258246, 1],
      [20000, 16, 0.5522691393274022, 1],
      [20000, 8, 0.8501364439539626, 1],
      [300, 2, 0.9997806834748455, 1],
      [5000, 10, 0.6768016526859968, 1],
    ];
    for (const [N, n, ref, achieved] of table) {
      const v = levenshteinBound(N, n);
      close(v, ref, 1e-14);
      expect(v).toBeLessThanOrEqual(achieved);
    }
  });

  it('solves L(n, s) = N across the range (round trip)', () => {
    for (const n of [3, 4, 7, 16, 50, 128, 1000, 4096]) {
      for (const N of [2, 3, 7, 50, 199, 1000, 4321, 20000]) {
        const v = levenshteinBound(N, n);
        expect(v).toBeGreaterThanOrEqual(-1);
        expect(v).toBeLessThan(1);
        expect(Math.abs(levenshteinSize(n, v) - N) / N).toBeLessThan(1e-9);
      }
    }
  });

  it('is non-decreasing in N and non-increasing in n', () => {
    for (const n of [2, 3, 8, 64]) {
      let prev = -Infinity;
      for (let N = 2; N <= 1500; N++) {
        const v = levenshteinBound(N, n);
        expect(v).toBeGreaterThanOrEqual(prev);
        prev = v;
      }
    }
    for (const N of [10, 100, 1000, 20000]) {
      let prev = Infinity;
      for (const n of [2, 3, 4, 5, 8, 16, 17, 64, 100, 512, 4096]) {
        const v = levenshteinBound(N, n);
        expect(v).toBeLessThanOrEqual(prev + 1e-15);
        prev = v;
      }
    }
  });

  it('gives a finite bound in [-1, 1] over the whole range (n up to 4096, N up to 20000)', () => {
    for (const n of [2, 3, 5, 16, 64, 256, 1024, 4096]) {
      for (const N of [2, 100, 1000, 5000, 20000]) {
        const v = levenshteinBound(N, n);
        expect(Number.isFinite(v), `N = ${N}, n = ${n}`).toBe(true);
        expect(v).toBeGreaterThanOrEqual(-1);
        expect(v).toBeLessThan(1);
      }
    }
  });

  it('rejects N < 2 and n < 2', () => {
    expect(() => levenshteinBound(1, 3)).toThrow(RangeError);
    expect(() => levenshteinBound(10, 1)).toThrow(RangeError);
    expect(() => levenshteinSize(1, 0)).toThrow(RangeError);
    expect(() => levenshteinSize(3, 1.5)).toThrow(RangeError);
  });
});
