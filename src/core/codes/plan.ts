/**
 * Choosing the code for (family, N, n, fit): only parameters, no generator matrices, so it is
 * cheap enough for feasibility checks. A plan names the base code, the modification and the
 * final [L, k, designed d]; buildPlannedCode turns it into a generator.
 *
 * k must reach kRequired = ceil(log2 N) (2^k >= N codewords). The fits:
 * - exact: the code length equals n (RM: n = 2^m; BCH: n = 2^m - 1).
 * - pad: the longest code that fits (RM 2^m <= n, BCH 2^m - 1 <= n), zeros after. For BCH this is
 *   the papers' "BCH (n-1)": n = 64 uses (63, 7, 31).
 * - extend (BCH): the extended code of length 2^m <= n (parity bit added), zeros after.
 * - puncture: the shortest code length >= n, its last L - n coordinates deleted (needs L - n < d).
 * - shorten: over the codes near n, shorten down to dimension kRequired and keep the one with the
 *   best guaranteed separation d / L' (max cosine <= 1 - 2d/L'); zeros after when L' < n.
 */
import type { BchParams } from './bch.ts';
import { bchCode, bchCodes, bchName, chooseBch } from './bch.ts';
import type { LinearCode } from './linearCode.ts';
import { extendCode, maximalTrailingShortening, punctureCode, shortenCode } from './modify.ts';
import {
  reedMullerCode,
  rmColumn,
  rmDimension,
  rmMinimumDistance,
  rmMonomialMasks,
  rmOrderFor,
} from './reedMuller.ts';

export type CodeFamily = 'rm' | 'bch';
export const RM_FITS = ['exact', 'pad', 'puncture', 'shorten'] as const;
export const BCH_FITS = ['pad', 'exact', 'extend', 'puncture', 'shorten'] as const;
export type FitMode = 'exact' | 'pad' | 'extend' | 'puncture' | 'shorten';

/** Largest m for which codes are planned (n <= 4096 needs at most 2^13 - 1 for puncturing). */
const MAX_M = 13;
/** RM codes with more rows than this are not shortened (the rank computation grows as k^2). */
export const RM_SHORTEN_MAX_K = 256;

export interface CodePlan {
  readonly family: CodeFamily;
  readonly fit: FitMode;
  readonly N: number;
  /** Ambient dimension; the code uses the first `length` coordinates. */
  readonly n: number;
  /** ceil(log2 N). */
  readonly kRequired: number;
  /** Base code: RM(r, m) of length 2^m, or BCH of length 2^m - 1. */
  readonly m: number;
  readonly r: number | null;
  readonly bch: BchParams | null;
  /** Coordinates deleted by shortening or puncturing (0 otherwise). */
  readonly s: number;
  /** The final code: length L <= n, dimension k, designed distance. */
  readonly length: number;
  readonly k: number;
  readonly designedDistance: number;
  /** Guaranteed max cosine over any codewords of the code: 1 - 2 d / L. */
  readonly maxCosineBound: number;
  readonly name: string;
}

/** Smallest k with 2^k >= N. */
export function requiredDimension(N: number): number {
  let k = 0;
  while (2 ** k < N) k++;
  return k;
}

function floorLog2(x: number): number {
  let m = 0;
  while (2 ** (m + 1) <= x) m++;
  return m;
}

function ceilLog2(x: number): number {
  let m = 0;
  while (2 ** m < x) m++;
  return m;
}

function finish(
  fields: Omit<CodePlan, 'maxCosineBound' | 'name'> & { readonly baseName: string },
): CodePlan {
  const { baseName, ...plan } = fields;
  let name = baseName;
  if (plan.fit === 'shorten' && plan.s > 0) name += ` shortened to [${plan.length},${plan.k}]`;
  if (plan.fit === 'puncture' && plan.s > 0) name += ` punctured to [${plan.length},${plan.k}]`;
  if (plan.fit === 'extend') name = `extended ${name} [${plan.length},${plan.k}]`;
  if (plan.length < plan.n) name += `, zero-padded to ${plan.n}`;
  return { ...plan, name, maxCosineBound: 1 - (2 * plan.designedDistance) / plan.length };
}

// ---------------------------------------------------------------- Reed-Muller

function rmRank(kRequired: number, N: number, m: number, order: number): number | string {
  const L = 2 ** m;
  if (order > 0) {
    if (order > m) {
      return `RM(${order},${m}) does not exist: with length 2^${m} = ${L} the order can be at most ${m}`;
    }
    const k = rmDimension(order, m);
    if (k < kRequired) {
      const auto = rmOrderFor(kRequired, m);
      const hint =
        auto === null ? 'use a larger n' : `use --order ${auto} or more (or 0 for automatic)`;
      return `RM(${order},${m}) has only 2^${k} = ${2 ** k} codewords, fewer than N = ${N}; ${hint}`;
    }
    return order;
  }
  const r = rmOrderFor(kRequired, m);
  if (r === null) {
    return `even RM(${m},${m}), all ${2 ** L} words of length ${L}, has fewer than N = ${N} codewords; use a larger n`;
  }
  return r;
}

const rmShortenCache = new Map<string, number>();

/** Trailing coordinates RM(r, m) can lose while keeping dimension kTarget (cached). */
function rmShortening(r: number, m: number, kTarget: number): number {
  const key = `${r},${m},${kTarget}`;
  let s = rmShortenCache.get(key);
  if (s === undefined) {
    const masks = rmMonomialMasks(r, m);
    s = maximalTrailingShortening(masks.length, 2 ** m, kTarget, (t, out) =>
      rmColumn(masks, t, out),
    );
    rmShortenCache.set(key, s);
  }
  return s;
}

export function planReedMuller(N: number, n: number, fit: FitMode, order = 0): CodePlan | string {
  const kRequired = requiredDimension(N);
  const plain = (m: number, f: FitMode): CodePlan | string => {
    const r = rmRank(kRequired, N, m, order);
    if (typeof r === 'string') return r;
    const d = rmMinimumDistance(r, m);
    const k = rmDimension(r, m);
    return finish({
      family: 'rm',
      fit: f,
      N,
      n,
      kRequired,
      m,
      r,
      bch: null,
      s: 0,
      length: 2 ** m,
      k,
      designedDistance: d,
      baseName: `RM(${r},${m})`,
    });
  };
  switch (fit) {
    case 'exact': {
      const m = floorLog2(n);
      if (2 ** m !== n) {
        return `rm needs n to be a power of two (16, 32, 64, ...); n = ${n}. Use --fit pad|puncture|shorten`;
      }
      return plain(m, 'exact');
    }
    case 'pad':
      return plain(floorLog2(n), 'pad');
    case 'puncture': {
      const m = ceilLog2(n);
      if (m > MAX_M) return `n = ${n} is beyond the supported RM lengths (up to 2^${MAX_M})`;
      const s = 2 ** m - n;
      const r = rmRank(kRequired, N, m, order);
      if (typeof r === 'string') return r;
      const d = rmMinimumDistance(r, m);
      if (s >= d) {
        return `puncturing RM(${r},${m}) to n = ${n} deletes ${s} coordinates, not fewer than its minimum distance ${d}, so codewords could collide; use --fit pad or shorten`;
      }
      return finish({
        family: 'rm',
        fit,
        N,
        n,
        kRequired,
        m,
        r,
        bch: null,
        s,
        length: n,
        k: rmDimension(r, m),
        designedDistance: d - s,
        baseName: `RM(${r},${m})`,
      });
    }
    case 'shorten': {
      let best: CodePlan | null = null;
      let bestScore = -1;
      let tooBig = false;
      for (let m = 1; m <= Math.min(MAX_M, floorLog2(n) + 1); m++) {
        const orders = order > 0 ? [order] : Array.from({ length: m + 1 }, (_, i) => i);
        for (const r of orders) {
          if (r > m) continue;
          const k = rmDimension(r, m);
          if (k < kRequired) continue;
          if (k > RM_SHORTEN_MAX_K) {
            tooBig = true;
            continue;
          }
          const s = rmShortening(r, m, kRequired);
          const length = 2 ** m - s;
          const d = rmMinimumDistance(r, m);
          if (length > n || d / length <= bestScore) continue;
          bestScore = d / length;
          best = finish({
            family: 'rm',
            fit,
            N,
            n,
            kRequired,
            m,
            r,
            bch: null,
            s,
            length,
            k: kRequired,
            designedDistance: d,
            baseName: `RM(${r},${m})`,
          });
        }
      }
      if (best) return best;
      if (order > 0 && tooBig) {
        return `RM codes with order ${order} here have more than ${RM_SHORTEN_MAX_K} rows, too many to shorten; use a smaller --order or 0 for automatic`;
      }
      return `no shortened RM code of length <= ${n} has 2^${kRequired} >= N = ${N} codewords${order > 0 ? ` at order ${order}` : ''}; use a larger n${order > 0 ? ' or --order 0' : ''}`;
    }
    case 'extend':
      return 'rm has no extend fit (RM codes already have length 2^m); use --fit exact|pad|puncture|shorten';
  }
}

// ---------------------------------------------------------------- BCH

function bchTooSmall(N: number, kRequired: number, L: number): string {
  return `BCH codes of length ${L} have at most 2^${L} codewords, fewer than N = ${N} (needs k >= ${kRequired}); use a larger n`;
}

function bchPlain(
  N: number,
  n: number,
  fit: FitMode,
  m: number,
  kRequired: number,
): CodePlan | string {
  const params = chooseBch(m, kRequired);
  if (!params) return bchTooSmall(N, kRequired, 2 ** m - 1);
  const extended = fit === 'extend';
  const d = params.designedDistance;
  return finish({
    family: 'bch',
    fit,
    N,
    n,
    kRequired,
    m,
    r: null,
    bch: params,
    s: 0,
    length: params.length + (extended ? 1 : 0),
    k: params.k,
    designedDistance: extended && d % 2 === 1 ? d + 1 : d,
    baseName: bchName(params),
  });
}

export function planBch(N: number, n: number, fit: FitMode): CodePlan | string {
  const kRequired = requiredDimension(N);
  switch (fit) {
    case 'exact': {
      const m = floorLog2(n + 1);
      if (2 ** m - 1 !== n || m < 2) {
        return `bch --fit exact needs n = 2^m - 1 (7, 15, 31, 63, ...); n = ${n}. Use --fit pad|extend|puncture|shorten`;
      }
      return bchPlain(N, n, fit, m, kRequired);
    }
    case 'pad': {
      const m = floorLog2(n + 1);
      if (m < 2) return `BCH codes need n >= 3; n = ${n}`;
      return bchPlain(N, n, fit, m, kRequired);
    }
    case 'extend': {
      const m = floorLog2(n);
      if (m < 2) return `extended BCH codes need n >= 4; n = ${n}`;
      return bchPlain(N, n, fit, m, kRequired);
    }
    case 'puncture': {
      const m = Math.max(2, ceilLog2(n + 1));
      if (m > MAX_M) return `n = ${n} is beyond the supported BCH lengths (up to 2^${MAX_M} - 1)`;
      const L = 2 ** m - 1;
      const s = L - n;
      const params = chooseBch(m, kRequired); // smallest k >= kRequired: the largest d
      if (!params) return bchTooSmall(N, kRequired, L);
      if (s >= params.designedDistance) {
        return `puncturing ${bchName(params)} (designed distance ${params.designedDistance}) to n = ${n} deletes ${s} coordinates, so codewords could collide; use --fit pad or shorten`;
      }
      return finish({
        family: 'bch',
        fit,
        N,
        n,
        kRequired,
        m,
        r: null,
        bch: params,
        s,
        length: n,
        k: params.k,
        designedDistance: params.designedDistance - s,
        baseName: bchName(params),
      });
    }
    case 'shorten': {
      // Shortening by s = k - kRequired gives [L - s, kRequired, >= d]; any k consecutive
      // coordinates of a cyclic code are independent, so no shorter trailing shortening exists.
      let best: CodePlan | null = null;
      let bestScore = -1;
      for (let m = 2; m <= Math.min(MAX_M, floorLog2(n + 1) + 1); m++) {
        for (const params of bchCodes(m)) {
          if (params.k < kRequired) continue;
          const s = params.k - kRequired;
          const length = params.length - s;
          const d = params.designedDistance;
          if (length > n || d / length <= bestScore) continue;
          bestScore = d / length;
          best = finish({
            family: 'bch',
            fit,
            N,
            n,
            kRequired,
            m,
            r: null,
            bch: params,
            s,
            length,
            k: kRequired,
            designedDistance: d,
            baseName: bchName(params),
          });
        }
      }
      return (
        best ??
        `no shortened BCH code of length <= ${n} has 2^${kRequired} >= N = ${N} codewords; use a larger n`
      );
    }
  }
}

export function planCode(
  family: CodeFamily,
  N: number,
  n: number,
  fit: FitMode,
  order = 0,
): CodePlan | string {
  return family === 'rm' ? planReedMuller(N, n, fit, order) : planBch(N, n, fit);
}

/** The generator of the planned (final) code. */
export function buildPlannedCode(plan: CodePlan): LinearCode {
  if (plan.family === 'rm') {
    const base = reedMullerCode(plan.r as number, plan.m);
    if (plan.fit === 'puncture') return punctureCode(base, plan.s);
    if (plan.fit === 'shorten') return shortenCode(base, plan.s);
    return base;
  }
  const params = plan.bch as BchParams;
  if (plan.fit === 'shorten') return bchCode(params, plan.s);
  const base = bchCode(params);
  if (plan.fit === 'extend') return extendCode(base);
  if (plan.fit === 'puncture') return punctureCode(base, plan.s);
  return base;
}
