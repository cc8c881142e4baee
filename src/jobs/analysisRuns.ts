import { getMethod, METHODS, prepareRun, runMethod } from '../core/methods/registry.ts';
import type { ParamValue } from '../core/methods/types.ts';
import { separationMetrics } from '../core/metrics/separation.ts';
import type { MethodOutcome } from './analysisProtocol.ts';

/**
 * Running every method at one (N, n) for the table and the sweep, kept quick: optimisers get
 * fewer steps when N^2 n is large (each step costs about N^2 n multiply-adds) and are skipped
 * when even a few steps would take too long; "best" gets a short time budget. Each outcome says
 * what was changed.
 */
export interface RunBudget {
  /** Multiply-adds one optimiser run may use (about 1e9 per second in a worker). */
  readonly work: number;
  /** Fewest optimiser steps worth showing; below this the method is skipped. */
  readonly minSteps: number;
  /** Optimiser steps in all for the "best" method (fewer when N^2 n is large). */
  readonly bestSteps: number;
  /** Seconds for "best" where even minSteps steps would take too long. */
  readonly bestSeconds: number;
}

export const TABLE_BUDGET: RunBudget = { work: 2e9, minSteps: 50, bestSteps: 5000, bestSeconds: 2 };
export const SWEEP_BUDGET: RunBudget = {
  work: 3e8,
  minSteps: 30,
  bestSteps: 1000,
  bestSeconds: 0.25,
};

/** The methods the charts compare (random is a baseline, kept). */
export const ANALYSIS_METHODS = METHODS.map((m) => m.id);

function budgetParams(
  method: string,
  N: number,
  n: number,
  budget: RunBudget,
): { params: Record<string, ParamValue>; note: string | null } | { skip: string } {
  const spec = getMethod(method);
  if (method === 'best') {
    // A step count, not a time budget: the same result on a busy laptop as on a fast one.
    const steps = Math.min(budget.bestSteps, Math.floor(budget.work / (N * N * n)));
    if (steps >= budget.minSteps) return { params: { steps }, note: `${steps} steps` };
    return { params: { budget: budget.bestSeconds }, note: `${budget.bestSeconds} s budget` };
  }
  const steps = spec.params.find((p) => p.name === 'steps');
  if (steps?.kind !== 'number') return { params: {}, note: null };
  const affordable = Math.floor(budget.work / (N * N * n));
  if (affordable >= steps.default) return { params: {}, note: null };
  if (affordable < budget.minSteps) {
    return { skip: `skipped: even ${budget.minSteps} steps would take too long here` };
  }
  return {
    params: { steps: affordable },
    note: `${affordable} of ${steps.default} steps`,
  };
}

export function runOutcome(
  method: string,
  N: number,
  n: number,
  seed: number,
  budget: RunBudget,
  now: () => number,
): MethodOutcome {
  const label = getMethod(method).label;
  const base = { method, label, n };
  const empty = { maxCosine: null, minAngleDeg: null, timeMs: null };
  const plan = budgetParams(method, N, n, budget);
  if ('skip' in plan) return { ...base, ...empty, reason: plan.skip, note: null };
  try {
    prepareRun({ method, N, n, seed, params: plan.params });
  } catch (e) {
    // The registry's message starts with "method cannot run at N = .., n = ..: "; keep the why.
    const message = (e as Error).message.replace(/^[a-z]+ cannot run at [^:]+: /, '');
    return { ...base, ...empty, reason: message, note: null };
  }
  const t0 = now();
  try {
    const result = runMethod({ method, N, n, seed, params: plan.params });
    const m = separationMetrics(result);
    return {
      ...base,
      maxCosine: m.maxCosine,
      minAngleDeg: m.minAngleDeg,
      timeMs: now() - t0,
      reason: null,
      note: plan.note,
    };
  } catch (e) {
    return { ...base, ...empty, reason: `failed: ${(e as Error).message}`, note: null };
  }
}
