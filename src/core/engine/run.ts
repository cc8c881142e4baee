import type { Clock } from './clock.ts';
import type { Guard } from './guard.ts';
import type { MarginOptimiser, StepInfo } from './optimiser.ts';
import type { MarginSchedule } from './schedule.ts';
import { marginAt } from './schedule.ts';

/** How long a run lasts: `steps` planned steps, optionally cut to `ms` milliseconds. */
export interface RunLimit {
  readonly steps: number;
  readonly ms?: number;
  /** With `ms`: go by steps planned from the measured speed instead of by the clock. */
  readonly pace?: RunPace;
}

/**
 * Pacing a timed run by steps. Early steps cost more than late ones (at a wide margin every pair
 * pushes; at the end only the near-worst pairs do), so progress by elapsed time gives the wide
 * margins fewer steps than progress by step count does, and at (100, 16) that costs separation:
 * in 80000-step runs, giving the margins above 0.05 8 % of the steps instead of their 27 % ended
 * at 0.20528 on average over 8 starts instead of 0.2049. A paced run re-plans its remaining
 * steps every `replanEvery` of its time from its speed since the last re-plan, expecting the
 * rest of the run to cost `costAtStart + (1 - costAtStart) * p` of that per step: at (100, 16)
 * the last eighth of a run costs 0.35 of the first, the whole run 0.55 of the first eighth on
 * average (0.5 to 0.66 between (60, 8) and (300, 24)). Re-planning corrects a wrong guess
 * either way.
 */
export interface RunPace {
  /** Share of the run's time between re-plans. */
  readonly replanEvery: number;
  /**
   * What a step costs on average over the rest of a run just begun, relative to its latest
   * steps; the expected ratio rises linearly to 1 at the run's end.
   */
  readonly costAtStart: number;
}

export interface RunContext {
  readonly guard: Guard;
  readonly now: Clock;
  /** Called after every step (keep it cheap). */
  readonly afterStep?: (opt: MarginOptimiser, info: StepInfo) => void;
}

/**
 * Runs one margin-continuation schedule. Progress p = step / steps, or, with a time limit, the
 * larger of that and elapsed / ms, so a timed run still sweeps the whole margin range (just
 * with fewer steps per decade on a slow machine); a paced timed run goes by the steps it plans
 * (RunPace) and ends at its time. Returns the number of steps taken.
 * StopRequested from the guard propagates; the optimiser keeps its best configuration.
 */
export function runSchedule(
  opt: MarginOptimiser,
  schedule: MarginSchedule,
  limit: RunLimit,
  ctx: RunContext,
  normal: () => number,
): number {
  const t0 = ctx.now();
  const { lr, momentum, noise, noiseUntil } = schedule;
  const { ms, pace } = limit;
  let step = 0;
  // Paced: p grows by (1 - p) / stepsLeft a step; until the first re-plan, by the clock.
  let paced = 0;
  let stepsLeft = Number.NaN;
  let planTime = 0;
  let planStep = 0;
  for (;;) {
    const elapsed = ms === undefined ? 0 : ctx.now() - t0;
    let p: number;
    if (ms !== undefined && pace) {
      if (elapsed - planTime >= pace.replanEvery * ms && step > planStep) {
        if (Number.isNaN(stepsLeft)) paced = elapsed / ms;
        const perStep = (elapsed - planTime) / (step - planStep);
        const cost = pace.costAtStart + (1 - pace.costAtStart) * paced;
        stepsLeft = (ms - elapsed) / (cost * perStep);
        planTime = elapsed;
        planStep = step;
      }
      p = Number.isNaN(stepsLeft) ? elapsed / ms : paced;
      if (elapsed >= ms) p = 1;
    } else {
      p = step / limit.steps;
      if (ms !== undefined) p = Math.max(p, elapsed / ms);
    }
    if (p >= 1) break;
    if (!Number.isNaN(stepsLeft)) {
      paced += (1 - paced) / Math.max(1, stepsLeft);
      stepsLeft--;
    }
    const margin = marginAt(schedule, p);
    const info = opt.step(margin, lr, momentum, ctx.guard);
    step++;
    if (noise > 0 && p < noiseUntil) opt.kick(noise * margin, normal);
    // Tiny problems (S^2) take ~1 us a step: count a fixed overhead so polls still come often.
    ctx.guard.tick(opt.N * opt.n + 1000);
    ctx.afterStep?.(opt, info);
  }
  return step;
}
