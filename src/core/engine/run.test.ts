import { describe, expect, it } from 'vitest';
import { createGuard } from './guard.ts';
import type { MarginOptimiser, StepInfo } from './optimiser.ts';
import type { RunLimit } from './run.ts';
import { runSchedule } from './run.ts';
import type { MarginSchedule } from './schedule.ts';
import { DEFAULT_SCHEDULE } from './schedule.ts';

const schedule: MarginSchedule = {
  ...DEFAULT_SCHEDULE,
  marginStart: 0.5,
  marginEnd: 1e-4,
  noise: 0,
};
const progressOf = (margin: number): number =>
  Math.log(margin / schedule.marginStart) / Math.log(schedule.marginEnd / schedule.marginStart);

/**
 * A stand-in optimiser on a fake clock: a step at progress p costs (1 - 0.65 p) ms, as a real
 * run at (100, 16) does (its last eighth costs about 0.35 of its first). Records the progress of
 * every step and when it was taken.
 */
function fakeRun(limit: RunLimit): { progress: number[]; times: number[] } {
  let clock = 0;
  const progress: number[] = [];
  const times: number[] = [];
  const info: StepInfo = { maxCosine: 0, energy: 0, active: 0, rebuilt: false };
  const opt = {
    N: 1,
    n: 1,
    step(margin: number) {
      const p = progressOf(margin);
      progress.push(p);
      times.push(clock);
      clock += 1 - 0.65 * p;
      return info;
    },
    kick() {},
  } as unknown as MarginOptimiser;
  const now = () => clock;
  runSchedule(opt, schedule, limit, { guard: createGuard({ now }), now }, () => 0);
  return { progress, times };
}

const share = (progress: number[], below: number): number =>
  progress.filter((p) => p < below).length / progress.length;

describe('runSchedule', () => {
  it('goes by steps without a time limit: equal steps per decade of margin', () => {
    const { progress } = fakeRun({ steps: 1000 });
    expect(progress).toHaveLength(1000);
    expect(progress[0]).toBeCloseTo(0, 12);
    expect(progress[999]).toBeCloseTo(0.999, 12);
    expect(share(progress, 0.25)).toBeCloseTo(0.25, 2);
  });

  it('by the clock, a timed run gives the costly wide margins fewer steps than their share', () => {
    const { progress, times } = fakeRun({ steps: 1e9, ms: 10000 });
    expect(times[times.length - 1]).toBeLessThan(10000);
    // p = t / T: the run takes T * integral of dp / (1 - 0.65 p) steps, those at p < 0.25 17 %.
    const steps = (p: number) => -Math.log(1 - 0.65 * p) / 0.65;
    expect(share(progress, 0.25)).toBeCloseTo(steps(0.25) / steps(1), 2);
  });

  it('paced, a timed run gives each decade about its share of steps and still ends in time', () => {
    const { progress, times } = fakeRun({
      steps: 1e9,
      ms: 10000,
      pace: { replanEvery: 0.02, costAtStart: 0.55 },
    });
    const last = times.length - 1;
    expect(times[last]).toBeLessThan(10000);
    expect(times[last]).toBeGreaterThan(9900); // it used its time
    expect(progress[last]).toBeGreaterThan(0.99); // and swept the margins down to the end
    // About 10000 / 0.675 steps in all (going by steps, each p costs its average), about a
    // quarter of them at p < 0.25 (by the clock: 17 %).
    expect(progress.length).toBeGreaterThan(0.95 * (10000 / 0.675));
    expect(share(progress, 0.25)).toBeGreaterThan(0.23);
    expect(share(progress, 0.25)).toBeLessThan(0.29);
    for (let i = 1; i <= last; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]);
  });
});
