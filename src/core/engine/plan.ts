import type { RunPace } from './run.ts';
import type { MarginSchedule } from './schedule.ts';
import { DEFAULT_SCHEDULE } from './schedule.ts';

/**
 * How the engine spends a budget at (N, n): the length of one run from a random start and the
 * schedules. These are heuristics tuned on the benchmark cases (bench/engine.ts), not laws:
 * - Runs of 2000 steps suffice on S^2 (N <= 30), where restarts matter more than length
 *   (N = 13 and 14 have strong local optima). Around N = 100 one long run beats restarts: at
 *   (100, 16), single runs from 5 random starts ended at 0.20525 on average after 10000 steps,
 *   0.20525 after 20000, 0.20507 after 40000 (three of five at or below 0.20494) and 0.20502
 *   after 80000 (three starts); the spread between starts is small, so more of them buys little.
 *   With 40000 steps in all, `best` went from 0.20538 on average over seeds 0-4 (two runs of
 *   14000 steps and 30 % refinement) to 0.20513 (one run of 36000 and 10 % refinement); at
 *   (100, 32) too, 20000 steps beat 10000 (0.07646 against 0.07666 on average). So for
 *   30 < N <= 300 a timed search makes one run of the whole budget, paced by steps (run.ts):
 *   eight seeds at (100, 16) with 10 s then ended at 0.20494 on average (0.20456-0.20519) against
 *   0.20503 for two runs of 40000 steps. At N >= 300 a step costs O(N^2 n) now and then and a
 *   run is capped by time instead.
 * - The last margin: 1e-4 for 30 < N <= 300. At (100, 16), 80000-step runs from 8 starts ended
 *   at 0.20482 on average with 1e-4 against 0.20499 with 1e-6 (1e-5: 0.20490; 3e-4: 0.20509;
 *   1e-3: 0.20527, not converged): the steps below 1e-4 only polish a basin already chosen and
 *   serve better at the wider margins. (100, 32) ends at 0.0764 either way. On S^2 the tight
 *   optima need the last digits (1e-6), and at N > 300 runs are too short to tell. The winner
 *   then gets a polish from 1e-4 to 1e-7: at (100, 16) it lowered three results by 5e-5 to 6e-5
 *   (0.205188 -> 0.205137), the same in 2000 steps as in 20000, so 2000 steps (or 3 % of a
 *   step count) and 3 % of a time budget are kept for it.
 * - The first margin is about the spread of random cosines (3 / sqrt(n), at most 0.5): wider
 *   only makes every pair active, which at N = 1000 costs a dense pass per step for nothing.
 * - Step size 0.5 on S^2 (N = 13 reached the optimum in 6 of 20 runs, 2 of 20 at 0.25), 0.25
 *   elsewhere (at (100, 16) 0.5 gave 0.2071-0.2077 with noise, 0.25 gave 0.2051-0.2055).
 * - Noise only for small N: at N = 1000 it would force a pair-list rebuild every step.
 * - Re-annealing a finished configuration (refinement) starts at 1/25 of the first margin:
 *   enough to let the worst pairs rearrange, not enough to melt the configuration. Hops of a
 *   fifth of a run, kicked by as much per coordinate, took (100, 16) from 0.20528 to 0.20519 in
 *   8 hops; larger kicks (0.05, 0.1) never helped. Hops find less than a longer run, though
 *   (see above), and at N = 1000 they found nothing in our runs, so beyond S^2 they get only
 *   10 % of the budget.
 */
export interface EnginePlan {
  /** Planned steps of one run from a random start (time budgets may cut it short). */
  readonly runSteps: number;
  /** Most runs from random starts. */
  readonly maxRuns: number;
  readonly schedule: MarginSchedule;
  /** For re-annealing a good configuration (the winner, or a code). */
  readonly refine: MarginSchedule;
  /** Steps of one refinement hop, and the random kick (per coordinate) between hops. */
  readonly hopSteps: number;
  readonly hopKick: number;
  /** Share of the steps (or time) left to refinement. */
  readonly refineShare: number;
  /** How a run with a time budget paces itself by steps (none: by the clock). */
  readonly pace?: RunPace;
  /**
   * The last steps of a search, from the winner (none: the runs' own last margin is final).
   * `steps` with a time budget; `share` of the budget (time, or steps with a step count).
   */
  readonly polish?: {
    readonly schedule: MarginSchedule;
    readonly steps: number;
    readonly share: number;
  };
}

export function planEngine(N: number, n: number): EnginePlan {
  const marginStart = Math.min(0.5, 3 / Math.sqrt(n));
  const mid = N > 30 && N <= 300;
  const runSteps = N <= 30 ? 2000 : mid ? 160000 : 1500;
  const schedule: MarginSchedule = {
    ...DEFAULT_SCHEDULE,
    marginStart,
    lr: n <= 4 ? 0.5 : 0.25,
    noise: N <= 400 ? 0.1 : 0,
    marginEnd: mid ? 1e-4 : DEFAULT_SCHEDULE.marginEnd,
  };
  return {
    runSteps,
    maxRuns: 10000,
    schedule,
    refine: { ...schedule, marginStart: marginStart / 25, noise: 0 },
    hopSteps: Math.max(200, Math.round(Math.min(runSteps, 10000) / 5)),
    hopKick: marginStart / 25,
    refineShare: N <= 30 ? 0.3 : 0.1,
    pace: mid ? { replanEvery: 0.02, costAtStart: 0.55 } : undefined,
    polish: mid
      ? {
          schedule: { ...schedule, marginStart: 1e-4, marginEnd: 1e-7, noise: 0 },
          steps: 2000,
          share: 0.03,
        }
      : undefined,
  };
}
