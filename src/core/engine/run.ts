import type { Clock } from './clock.ts';
import type { Guard } from './guard.ts';
import type { MarginOptimiser, StepInfo } from './optimiser.ts';
import type { MarginSchedule } from './schedule.ts';
import { marginAt } from './schedule.ts';

/** How long a run lasts: `steps` planned steps, optionally cut to `ms` milliseconds. */
export interface RunLimit {
  readonly steps: number;
  readonly ms?: number;
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
 * with fewer steps per decade on a slow machine). Returns the number of steps taken.
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
  let step = 0;
  for (;;) {
    let p = step / limit.steps;
    if (limit.ms !== undefined) p = Math.max(p, (ctx.now() - t0) / limit.ms);
    if (p >= 1) break;
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
