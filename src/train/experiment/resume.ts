/**
 * Resuming after a reload or a cancel: the planned runs without a stored result, in plan order.
 * A stored result counts only when it belongs to this plan (same key), so results of an edited
 * experiment never stand in for runs they did not measure.
 */
import type { PlannedRun, RunResult } from './types.ts';

export function remainingRuns(
  plan: readonly PlannedRun[],
  finished: readonly Pick<RunResult, 'key'>[],
): PlannedRun[] {
  const done = new Set(finished.map((r) => r.key));
  return plan.filter((run) => !done.has(run.key));
}

/** The stored results that belong to the plan, in plan order (others are dropped). */
export function resultsInPlan<R extends Pick<RunResult, 'key'>>(
  plan: readonly PlannedRun[],
  finished: readonly R[],
): R[] {
  const byKey = new Map(finished.map((r) => [r.key, r]));
  return plan.flatMap((run) => {
    const r = byKey.get(run.key);
    return r ? [r] : [];
  });
}
