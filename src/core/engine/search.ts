/**
 * The search behind the `best` method: code constructions, restarts of the margin optimiser
 * from random starts, and a refinement of the winner, within a step count (deterministic) or a
 * time budget. Every contender is scored by its exact max cosine, so the result is never worse
 * than any contender it saw (including those the caller passes in, e.g. published optimisers).
 */
import type { BinaryWords } from '../math/binaryWords.ts';
import { gaussianRows } from '../math/codebook.ts';
import type { Random } from '../math/random.ts';
import { createRandom } from '../math/random.ts';
import type { CodeInfo } from '../methods/types.ts';
import type { Clock } from './clock.ts';
import { bestCodeRoute } from './codeRoutes.ts';
import { bestConstructionRoute } from './constructionRoutes.ts';
import type { Guard } from './guard.ts';
import { StopRequested } from './guard.ts';
import type { MarginOptimiser, StepInfo } from './optimiser.ts';
import { createMarginOptimiser } from './optimiser.ts';
import type { EnginePlan } from './plan.ts';
import { planEngine } from './plan.ts';
import type { RunContext, RunLimit } from './run.ts';
import { runSchedule } from './run.ts';
import type { MarginSchedule } from './schedule.ts';

export interface Contender {
  /** Row-major N x n unit rows. */
  readonly data: Float64Array;
  /** Exact max cosine of data (from Hamming distances for codes). */
  readonly maxCosine: number;
  readonly route: string;
  readonly binary?: BinaryWords;
  readonly code?: CodeInfo;
  /**
   * A construction with many exactly equal pairs (a code, a root system), which may also sit in
   * fewer than n coordinates: its refinement starts with a small kick to break the ties.
   */
  readonly tied?: boolean;
}

/** What live views get, about 20 times a second while the engine runs. */
export interface EngineSnapshot {
  /** Engine steps so far (all runs together). */
  readonly step: number;
  /** Max cosine of the configuration being optimised (before its latest step). */
  readonly maxCosine: number;
  /** Its hinge energy at the current margin. */
  readonly objective: number;
  /** The configuration being optimised: live, copy it to keep it. */
  readonly data?: Float64Array;
  /** What is running, e.g. "random start 3". */
  readonly stage: string;
}

export interface SearchOptions {
  readonly N: number;
  readonly n: number;
  readonly seed: number;
  /** Engine steps in all (deterministic); 0 = spend `budgetMs` instead. */
  readonly steps: number;
  readonly budgetMs: number;
  readonly now: Clock;
  readonly guard: Guard;
  /** Contenders found elsewhere (exact constructions, published optimisers). */
  readonly contenders?: readonly Contender[];
  /**
   * A lower bound on the max cosine at (N, n): a configuration within OPTIMAL_TOLERANCE of it is
   * optimal, and the search ends there instead of spending the rest of its steps or time.
   */
  readonly lowerBound?: number;
  readonly onProgress?: (fraction: number) => void;
  readonly onStep?: (snapshot: EngineSnapshot) => void;
}

export interface SearchResult extends Contender {
  /** Engine steps taken. */
  readonly steps: number;
  /** Stopped on request (the result is the best found until then). */
  readonly stopped: boolean;
  /** The result meets the lower bound it was given: it is optimal. */
  readonly optimal: boolean;
}

/**
 * How close to the lower bound counts as meeting it. The engine lands on tight optima (the
 * icosahedron, the 24-cell) to ~1e-15; 1e-12 leaves room for rounding in the bound itself.
 */
const OPTIMAL_TOLERANCE = 1e-12;

/**
 * How much a contender must beat the best so far by to replace it. Re-annealing an exact
 * construction (the Gewirtz graph's 1/15 at (56, 20), proven optimal) can come back lower by a
 * few units in the last place, which is rounding, not a better configuration: the route would
 * then claim a refinement that did nothing.
 */
const ROUNDING = 1e-12;

/** Multiply-adds per millisecond of the dense passes in V8 (about 1e6 on an idle core). */
const TYPICAL_RATE = 5e5;
/** Interval of onStep / onProgress reports. */
const REPORT_MS = 50;
/** Codes built when N * n is large (each build then takes up to seconds). */
const BIG_CODE_CANDIDATES = 3;

export function searchBest(options: SearchOptions): SearchResult {
  const { N, n, seed, steps, budgetMs, now, guard } = options;
  const timed = steps === 0;
  const plan = planEngine(N, n);
  const bound = options.lowerBound ?? Number.NEGATIVE_INFINITY;
  const optimal = (maxCosine: number): boolean => maxCosine <= bound + OPTIMAL_TOLERANCE;
  let best: Contender | null = null;
  const consider = (c: Contender | null): void => {
    if (c && c.maxCosine < (best?.maxCosine ?? Number.POSITIVE_INFINITY) - ROUNDING) best = c;
  };
  for (const c of options.contenders ?? []) consider(c);

  let engineSteps = 0;
  const tally = { starts: 0, lastMs: 0 }; // random starts so far, duration of the last
  let current: { opt: MarginOptimiser; route: string; stage: string } | null = null;
  let lastReport = Number.NEGATIVE_INFINITY;
  const report = (info?: StepInfo): void => {
    const t = now();
    if (t - lastReport < REPORT_MS) return;
    lastReport = t;
    options.onProgress?.(
      Math.min(1, timed ? guard.elapsed() / budgetMs : engineSteps / Math.max(1, steps)),
    );
    if (options.onStep && current) {
      options.onStep({
        step: engineSteps,
        maxCosine: info?.maxCosine ?? current.opt.bestMax,
        objective: info?.energy ?? Number.NaN,
        data: current.opt.x,
        stage: current.stage,
      });
    }
  };
  guard.setOnPoll(() => report());
  const ctx: RunContext = {
    guard,
    now,
    afterStep: (_opt, info) => {
      engineSteps++;
      report(info);
      // The optimiser has kept this configuration as its best: nothing can beat it.
      if (optimal(info.maxCosine)) throw new StopRequested('optimal');
    },
  };
  const run = (
    start: Float64Array,
    schedule: MarginSchedule,
    limit: RunLimit,
    runSeed: number,
    route: string,
    stage: string,
    kick = 0,
  ): Contender | null => {
    const opt = createMarginOptimiser(start, N, n);
    const random = createRandom(runSeed);
    const noise = unitUniform(random);
    if (kick > 0) opt.kick(kick, noise);
    current = { opt, route, stage };
    runSchedule(opt, schedule, limit, ctx, noise);
    current = null;
    return finished(opt, route);
  };

  /**
   * Re-anneals the winner in hops of plan.hopSteps until the steps or the time run out: the
   * first from the winner itself, the others from the best so far after a random kick (basin
   * hopping: each hop rearranges the worst pairs a little and is kept only if it helps).
   */
  const refine = (winner: Contender): Contender | null => {
    let held: Contender = winner;
    let improved = false;
    for (let hop = 0; ; hop++) {
      const left = timed
        ? budgetMs - polishMs - guard.elapsed()
        : steps - polishSteps - engineSteps;
      if (left <= 0) break;
      const limit: RunLimit = timed
        ? { steps: plan.hopSteps, ms: left }
        : { steps: Math.min(plan.hopSteps, left) };
      // A construction has many exactly-equal pairs and may sit in fewer than n coordinates: a
      // small kick breaks the ties and lets it use the padding.
      const kick =
        hop > 0 ? plan.hopKick : winner.tied ? (0.2 * plan.refine.marginStart) / Math.sqrt(n) : 0;
      const route = `${winner.route}${REFINED}`;
      const c = run(
        held.data,
        plan.refine,
        limit,
        seed + 0x7fffffff + hop,
        route,
        'refinement',
        kick,
      );
      if (c && c.maxCosine < held.maxCosine - ROUNDING) {
        held = c;
        improved = true;
      }
    }
    return improved ? held : null;
  };

  // The plan's polish (mid-size N): the last steps take the winner's margin from where the runs
  // stopped down to where only its worst pairs push, whatever route it came from.
  const { polish } = plan;
  const polishSteps = polish ? (timed ? polish.steps : Math.floor(polish.share * steps)) : 0;
  const polishMs = polish && timed ? polish.share * budgetMs : 0;
  const polished = (winner: Contender): Contender | null => {
    if (!polish || polishSteps <= 0) return null;
    const limit: RunLimit = timed
      ? { steps: polishSteps, ms: budgetMs - guard.elapsed() }
      : { steps: Math.min(polishSteps, steps - engineSteps) };
    if (limit.steps <= 0 || (limit.ms !== undefined && limit.ms <= 0)) return null;
    const route = winner.route.endsWith(REFINED) ? winner.route : `${winner.route}${REFINED}`;
    return run(winner.data, polish.schedule, limit, seed + 0x7ffffffe, route, 'polish');
  };

  let stopped = false;
  let reachedBound = false;
  try {
    const big = N * n > 4e6;
    const codeRoute = bestCodeRoute(N, n, seed, big ? BIG_CODE_CANDIDATES : undefined, guard);
    if (codeRoute) {
      consider({
        data: codeRoute.codebook.data,
        maxCosine: codeRoute.maxCosine,
        route: codeRoute.route,
        binary: codeRoute.binary,
        code: codeRoute.code,
        tied: true,
      });
    }
    const construction = bestConstructionRoute(N, n);
    if (construction) consider({ ...construction, tied: true });
    if (timed) guard.setDeadline(budgetMs);
    // A code or a published optimiser may already meet the bound.
    const known = best as Contender | null;
    if (known && optimal(known.maxCosine)) throw new StopRequested('optimal');
    if (steps > 0 || affordable(N, n, budgetMs - guard.elapsed())) {
      const refineEnd = timed ? (1 - plan.refineShare) * budgetMs : 0;
      for (const c of randomRuns(plan, options, run, guard, refineEnd, tally)) consider(c);
      const winner = best as Contender | null;
      if (winner) consider(refine(winner));
      const refined = best as Contender | null;
      if (refined) consider(polished(refined));
    }
  } catch (e) {
    if (!(e instanceof StopRequested)) throw e;
    stopped = e.reason === 'cancelled';
    reachedBound = e.reason === 'optimal';
    const c = current as { opt: MarginOptimiser; route: string; stage: string } | null;
    if (c) consider(finished(c.opt, c.route));
  }
  guard.setOnPoll(undefined);
  const found = best as Contender | null;
  const winner = found && {
    ...found,
    route: found.route.replace(STARTS, startsText(tally.starts)),
  };
  if (!winner) {
    // Stopped before anything finished: a random configuration is still an answer.
    const data = gaussianRows(N, n, createRandom(seed).normal);
    return {
      data,
      maxCosine: Number.NaN,
      route: 'random (stopped before any route finished)',
      steps: engineSteps,
      stopped,
      optimal: false,
    };
  }
  options.onProgress?.(1);
  options.onStep?.({
    step: engineSteps,
    maxCosine: winner.maxCosine,
    objective: Number.NaN,
    data: winner.data,
    stage: 'done',
  });
  return { ...winner, steps: engineSteps, stopped, optimal: reachedBound };
}

/**
 * Uniform noise with mean 0 and variance 1, from one 32-bit draw: the kicks only need a
 * symmetric unit-variance perturbation, and Gaussian draws (log, sqrt, cos) made the noisy
 * steps at (100, 32) half again as slow.
 */
function unitUniform(random: Random): () => number {
  const scale = Math.sqrt(12) / 2 ** 32;
  return () => (random.nextUint32() - 2 ** 31) * scale;
}

function finished(opt: MarginOptimiser, route: string): Contender | null {
  if (!Number.isFinite(opt.bestMax)) return null; // no complete step: nothing measured
  return { data: opt.best.slice(), maxCosine: opt.bestMax, route };
}

/**
 * Whether a few dense passes fit in the time left at a typical rate: otherwise the engine cannot
 * get anywhere (N = 20000 at n = 16 needs seconds per pass) and the time is better returned.
 * Running it when it cannot win costs nothing but time: the codes stay contenders.
 */
function affordable(N: number, n: number, msLeft: number): boolean {
  return (4 * N * N * n) / 2 / TYPICAL_RATE <= msLeft;
}

type RunFn = (
  start: Float64Array,
  schedule: MarginSchedule,
  limit: RunLimit,
  runSeed: number,
  route: string,
  stage: string,
) => Contender | null;

/** Ends the route of a result the engine re-annealed or polished. */
const REFINED = ' + engine refinement';

/** Stands for "best of K random starts" in routes until K is known. */
const STARTS = '{starts}';

function startsText(k: number): string {
  return `margin engine, best of ${k} random start${k === 1 ? '' : 's'}`;
}

/**
 * Runs from random starts, numbered on from tally.starts. With a step count: as many runs of
 * about plan.runSteps as fit in (1 - plan.refineShare) of the steps, split evenly. With a time
 * budget: runs of plan.runSteps steps (each cut to the time left) while another one, as long as
 * the last, still fits before `endMs`.
 */
function randomRuns(
  plan: EnginePlan,
  options: SearchOptions,
  run: RunFn,
  guard: Guard,
  endMs: number,
  tally: { starts: number; lastMs: number },
): Contender[] {
  const { N, n, seed, steps } = options;
  const out: Contender[] = [];
  const one = (limit: RunLimit): void => {
    const r = tally.starts++;
    const start = gaussianRows(N, n, createRandom(seed + r * 0x100000000).normal);
    const t0 = guard.elapsed();
    const c = run(
      start,
      plan.schedule,
      limit,
      seed + r * 0x100000000 + 1,
      STARTS,
      `random start ${r + 1}`,
    );
    tally.lastMs = guard.elapsed() - t0;
    if (c) out.push(c);
  };
  if (steps > 0) {
    const share = Math.max(1, steps - Math.floor(plan.refineShare * steps));
    const runs = Math.max(1, Math.min(plan.maxRuns, Math.floor(share / plan.runSteps)));
    for (let r = 0; r < runs; r++) {
      one({ steps: Math.floor(share / runs) + (r === runs - 1 ? share % runs : 0) });
    }
    return out;
  }
  while (tally.starts < plan.maxRuns) {
    const left = endMs - guard.elapsed();
    if (left <= 0 || (tally.starts > 0 && left < 0.9 * tally.lastMs)) break;
    one({ steps: plan.runSteps, ms: left, pace: plan.pace });
  }
  return out;
}
