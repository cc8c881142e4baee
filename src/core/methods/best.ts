/**
 * `best`: the best prototypes we can find at (N, n) within a time budget or a step count.
 * Where a construction is provably optimal it is returned exactly and nothing else runs: the
 * regular simplex for N <= n + 1 (Rankin), the cross-polytope for N <= 2n (max cosine exactly
 * 0, Rankin's orthoplex bound), the regular polygon on the circle. Otherwise the engine's search
 * (engine/search.ts) compares code constructions, root systems and two-distance sets
 * (engine/constructionRoutes.ts), restarts of the margin optimiser
 * and, when they are cheap, the published optimisers, refines the winner and says which route
 * won. It ends early when a result meets the strongest lower bound (it is then optimal: the
 * icosahedron at (12, 3), E8 at (240, 8), Higman-Sims at (100, 22)).
 */
import { separationBounds } from '../bounds/index.ts';
import { defaultClock } from '../engine/clock.ts';
import type { Guard } from '../engine/guard.ts';
import { createGuard } from '../engine/guard.ts';
import { regularPolygon } from '../engine/polygon.ts';
import type { Contender } from '../engine/search.ts';
import { searchBest } from '../engine/search.ts';
import { createCodebook } from '../math/codebook.ts';
import { separationMetrics } from '../metrics/separation.ts';
import { lseMethod } from './lse.ts';
import { mettesMethod } from './mettes.ts';
import { defaultParams, numberParam } from './params.ts';
import { kasarlaMethod, orthoplexMethod } from './simple.ts';
import type { MethodInput, MethodResult, PrototypeMethod } from './types.ts';

/**
 * The step count `best` gets wherever prototypes feed a training (experiments, the story
 * actions): a plan fixed by the seed, never by the clock, so a result reproduces on any machine.
 * Measured (seed 0) against the 10 s budget: the same max cosine within 2e-4 at (10, 3), (20, 3),
 * (100, 3) and (100, 16), in 0.1 to 4 s.
 */
export const TRAINING_STEPS = 20_000;

/** N^2 n above which TRAINING_STEPS would take more than about 10 s (4.1 s at (100, 16)). */
const PLANNED_UP_TO = 4e5;

/**
 * The parameters a "find better prototypes" action asks `best` for: the fixed step plan where it
 * takes seconds (the same bits on every machine), else the time budget.
 */
export function plannedBestParams(N: number, n: number): { steps?: number } {
  return N * N * n <= PLANNED_UP_TO ? { steps: TRAINING_STEPS } : {};
}

/** Multiply-adds per millisecond assumed when deciding whether a published optimiser is cheap. */
const SLOW_RATE = 2.5e5;
/** Share of the budget the published optimisers may take together. */
const PUBLISHED_SHARE = 0.1;

export const bestMethod: PrototypeMethod = {
  id: 'best',
  label: 'Best found',
  description:
    'Tries exact constructions, error-correcting codes, root systems (the 24-cell, E8), two-distance sets (Higman-Sims, McLaughlin), the Nordstrom-Robinson code and optimisers (our margin engine with restarts, and the published ones when cheap), refines the winner and reports which route won; it stops early once a result meets a lower bound.',
  params: [
    {
      kind: 'number',
      name: 'budget',
      flag: 'budget',
      label: 'Time budget (s)',
      description:
        'Seconds to spend when steps is 0; the result comes back within about this time.',
      default: 10,
      min: 0.1,
      max: 3600,
    },
    {
      kind: 'number',
      name: 'steps',
      flag: 'steps',
      label: 'Steps',
      description:
        '0 = spend the time budget; more = exactly this many optimiser steps in all, and the same seed and steps give bit-identical prototypes.',
      default: 0,
      min: 0,
      max: 10_000_000,
      integer: true,
    },
  ],
  feasibility: () => null,
  run(input) {
    const { N, n } = input;
    const exact = exactConstruction(input);
    if (exact) {
      input.onProgress?.(1);
      return exact;
    }
    const steps = numberParam(input.params, 'steps');
    const budgetMs = numberParam(input.params, 'budget') * 1000;
    const now = input.now ?? defaultClock();
    const guard = createGuard({ now, shouldStop: input.shouldStop });
    const contenders = steps === 0 ? publishedContenders(input, budgetMs, guard) : [];
    const bound = strongestBound(N, n);
    const result = searchBest({
      N,
      n,
      seed: input.seed,
      steps,
      budgetMs,
      now,
      guard,
      contenders,
      lowerBound: bound.value,
      onProgress: input.onProgress,
      onStep: input.onStep,
    });
    return {
      codebook: createCodebook(N, n, result.data),
      binary: result.binary,
      code: result.code,
      steps: result.steps,
      route: result.stopped
        ? `${result.route} (stopped early)`
        : result.optimal
          ? `${result.route} (optimal: it meets the ${bound.name} bound)`
          : result.route,
    };
  },
};

/** The strongest lower bound on the max cosine at (N, n), and whose it is. */
function strongestBound(N: number, n: number): { value: number; name: string } {
  const b = separationBounds(N, n);
  if (b.levenshtein !== null && b.levenshtein === b.lower) {
    return { value: b.lower, name: 'Levenshtein' };
  }
  if (b.orthoplex !== null && b.orthoplex === b.lower) {
    return { value: b.lower, name: 'Rankin orthoplex' };
  }
  return { value: b.lower, name: 'Rankin simplex' };
}

/** The provably optimal constructions, or null when none applies. */
function exactConstruction(input: MethodInput): MethodResult | null {
  const { N, n } = input;
  const plain = { ...input, params: {} };
  if (N <= n + 1) {
    return {
      ...kasarlaMethod.run(plain),
      steps: 0,
      route: 'regular simplex (optimal: Rankin bound -1/(N-1))',
    };
  }
  if (N <= 2 * n) {
    return {
      ...orthoplexMethod.run(plain),
      steps: 0,
      route: 'cross-polytope (optimal: max cosine 0, Rankin orthoplex bound)',
    };
  }
  if (n === 2) {
    return {
      codebook: createCodebook(N, n, regularPolygon(N, n)),
      steps: 0,
      route: 'regular polygon (optimal on the circle)',
    };
  }
  return null;
}

/**
 * The published optimisers with their published settings, when 1000 dense steps are a small
 * part of the budget (small N): a guarantee that `best` is never worse than them, at little
 * cost. Skipped with a step count, which counts only our own engine's steps.
 */
function publishedContenders(input: MethodInput, budgetMs: number, guard: Guard): Contender[] {
  const { N, n, seed } = input;
  const cost = (1000 * 1.5 * N * N * n) / SLOW_RATE; // ms, pessimistic
  if (2 * cost > PUBLISHED_SHARE * budgetMs) return [];
  const out: Contender[] = [];
  for (const method of [lseMethod, mettesMethod]) {
    let stopped = false;
    const result = method.run({
      N,
      n,
      seed,
      params: defaultParams(method.params),
      shouldStop: () => {
        try {
          guard.poll();
        } catch {
          stopped = true;
        }
        return stopped;
      },
    });
    if (stopped) break;
    const { maxCosine } = separationMetrics(result);
    out.push({
      data: result.codebook.data,
      maxCosine,
      route: `${method.label}, published settings`,
    });
  }
  return out;
}
