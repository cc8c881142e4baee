/**
 * The code constructions `best` tries: every Reed-Muller and BCH fit the planner offers
 * (codes/plan.ts), plus shortened-then-extended BCH codes, which the planner lacks: shortening
 * BCH(127,15,55) to [122,10,55] and adding a parity bit gives [123,10,56], max cosine
 * 1 - 112/123 = 0.0894 instead of 0.0984 in n = 128. Each is tried with the papers' codeword
 * selection ('first') and with greedy farthest-point selection, and scored exactly from Hamming
 * distances (max cosine = 1 - 2 d / L).
 */

import { bchCode, bchCodes, bchName } from '../codes/bch.ts';
import { gammaCodebook } from '../codes/gamma.ts';
import { encodeMessages } from '../codes/gf2.ts';
import type { LinearCode } from '../codes/linearCode.ts';
import { canEnumerate, codewordWeights, trueMinimumDistance } from '../codes/linearCode.ts';
import { extendCode } from '../codes/modify.ts';
import type { CodePlan, FitMode } from '../codes/plan.ts';
import { BCH_FITS, buildPlannedCode, planCode, RM_FITS, requiredDimension } from '../codes/plan.ts';
import type { SelectionRule } from '../codes/select.ts';
import { greedySelection, selectionMinimumDistance, selectMessages } from '../codes/select.ts';
import type { BinaryWords } from '../math/binaryWords.ts';
import type { Codebook } from '../math/codebook.ts';
import type { CodeInfo } from '../methods/types.ts';
import type { Guard } from './guard.ts';

export interface CodeRoute {
  /** e.g. "extended BCH(127,15) shortened to [122,10] [123,10], greedy selection". */
  readonly route: string;
  readonly binary: BinaryWords;
  readonly code: CodeInfo;
  /** Exact: 1 - 2 d / L. */
  readonly maxCosine: number;
  readonly codebook: Codebook;
}

interface Candidate {
  readonly name: string;
  readonly length: number;
  readonly k: number;
  readonly designedDistance: number;
  /** Leading generator rows greedy keeps in its subcodes (RM: the first-order rows). */
  readonly keepRows: number;
  build(): LinearCode;
}

function fromPlan(plan: CodePlan): Candidate {
  return {
    name: plan.name,
    length: plan.length,
    k: plan.k,
    designedDistance: plan.designedDistance,
    keepRows: plan.family === 'rm' ? plan.m + 1 : 0,
    build: () => buildPlannedCode(plan),
  };
}

/** Shortened-then-extended BCH codes of length <= n with exactly 2^ceil(log2 N) words. */
function extendedShortenedBch(N: number, n: number): Candidate[] {
  const kRequired = requiredDimension(N);
  const out: Candidate[] = [];
  // Codes much longer than n would need so much shortening that little distance is left.
  for (let m = 2; m <= 13 && 2 ** (m - 1) <= n + 1; m++) {
    for (const params of bchCodes(m)) {
      if (params.k < kRequired) continue;
      const s = params.k - kRequired;
      const length = params.length - s + 1;
      if (length > n || length < 2 || params.designedDistance % 2 === 0) continue;
      out.push({
        name: `extended ${bchName(params)}${s ? ` shortened to [${params.length - s},${kRequired}]` : ''} [${length},${kRequired}]`,
        length,
        k: kRequired,
        designedDistance: params.designedDistance + 1,
        keepRows: 0,
        build: () => extendCode(bchCode(params, s)),
      });
    }
  }
  return out;
}

/** Guaranteed max cosine of any codewords of the candidate. */
function bound(c: Candidate): number {
  return 1 - (2 * c.designedDistance) / c.length;
}

export function codeCandidates(N: number, n: number): Candidate[] {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  const add = (c: Candidate) => {
    if (seen.has(c.name)) return;
    seen.add(c.name);
    out.push(c);
  };
  for (const fit of RM_FITS) {
    const plan = planCode('rm', N, n, fit as FitMode);
    if (typeof plan !== 'string') add(fromPlan(plan));
  }
  for (const fit of BCH_FITS) {
    const plan = planCode('bch', N, n, fit as FitMode);
    if (typeof plan !== 'string') add(fromPlan(plan));
  }
  // Only the best two extensions by guaranteed separation: the rest are dominated.
  for (const c of extendedShortenedBch(N, n)
    .sort((a, b) => bound(a) - bound(b))
    .slice(0, 2)) {
    add(c);
  }
  // Best guaranteed separation first (ties: shorter code), so a capped search sees the best.
  return out.sort((a, b) => bound(a) - bound(b) || a.length - b.length);
}

interface Scored {
  readonly candidate: Candidate;
  readonly code: LinearCode;
  readonly selection: SelectionRule;
  readonly messages: BinaryWords;
  readonly binary: BinaryWords;
  readonly d: number;
  readonly weights: Uint16Array | null;
}

function score(candidate: Candidate, N: number, seed: number, guard?: Guard): Scored[] {
  const code = candidate.build();
  const g = code.generator;
  const weights = canEnumerate(g) ? codewordWeights(g) : null;
  guard?.poll();
  const out: Scored[] = [];
  const first = selectMessages(code, N, 'first');
  const firstWords = encodeMessages(g, first);
  out.push({
    candidate,
    code,
    selection: 'first',
    messages: first,
    binary: firstWords,
    d: selectionMinimumDistance(code, first, firstWords, weights),
    weights,
  });
  guard?.poll();
  // With exactly N codewords every selection is the same set.
  if (2 ** g.count > N) {
    const greedy = greedySelection(code, N, { seed, weights, keepRows: candidate.keepRows });
    out.push({
      candidate,
      code,
      selection: 'greedy',
      messages: greedy.messages,
      binary: encodeMessages(g, greedy.messages),
      d: greedy.minDistance,
      weights,
    });
    guard?.poll();
  }
  return out;
}

/**
 * The best code construction for (N, n), or null when no code has 2^k >= N words in length <= n.
 * `maxCandidates` caps how many codes are built (best guaranteed separation first); large
 * problems (N * n beyond a few million) should pass a small cap, since each build and
 * selection then takes seconds.
 */
export function bestCodeRoute(
  N: number,
  n: number,
  seed: number,
  maxCandidates = Number.POSITIVE_INFINITY,
  guard?: Guard,
): CodeRoute | null {
  let best: Scored | null = null;
  let bestCos = Number.POSITIVE_INFINITY;
  for (const c of codeCandidates(N, n).slice(0, maxCandidates)) {
    // Every candidate within the cap is scored: greedy selection can beat the guaranteed bound.
    for (const s of score(c, N, seed, guard)) {
      const cos = 1 - (2 * s.d) / s.candidate.length;
      if (cos < bestCos) {
        bestCos = cos;
        best = s;
      }
    }
  }
  if (!best) return null;
  const { candidate, code, selection, binary, d, weights } = best;
  return {
    route: `${candidate.name}, ${selection} codewords`,
    binary,
    maxCosine: bestCos,
    codebook: gammaCodebook(binary, n),
    code: {
      name: candidate.name,
      n: candidate.length,
      k: candidate.k,
      d,
      designedDistance: candidate.designedDistance,
      minimumDistance: trueMinimumDistance(code, weights),
    },
  };
}
