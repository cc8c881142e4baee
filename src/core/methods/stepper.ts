import { defaultClock } from '../engine/clock.ts';
import type { MethodInput, MethodResult } from './types.ts';

/** How often (in steps) step-by-step runs report progress and poll for a stop. */
export const PROGRESS_EVERY = 10;

/**
 * A method run that advances in steps under the caller's control. The worker drives it in short
 * chunks so that pause, single-step and cancel act between chunks, and the live prototypes can be
 * sent for animation. Iterative methods implement it; `run` is then `runToEnd(start(...))`.
 */
export interface MethodRun {
  readonly totalSteps: number;
  readonly stepsDone: number;
  /** Runs up to `count` more steps (never past totalSteps); returns how many ran. */
  advance(count: number): number;
  /** The prototypes now (row-major N x n, a live view: copy before keeping or sending). */
  current(): Float64Array;
  /** The method's objective and the max cosine, as measured at the last step taken. */
  status(): { readonly objective: number; readonly maxCosine: number };
  /** The result from the prototypes now (after a stop, what was reached so far). */
  finish(): MethodResult;
}

/**
 * Runs to the end, until shouldStop, or until `budget` seconds (a param; 0 or absent: none) have
 * passed, reporting progress every PROGRESS_EVERY steps.
 */
export function runToEnd(run: MethodRun, input: MethodInput): MethodResult {
  const { onProgress, shouldStop } = input;
  const budget = input.params.budget;
  const now = input.now ?? defaultClock();
  const deadline = typeof budget === 'number' && budget > 0 ? now() + budget * 1000 : Infinity;
  while (run.stepsDone < run.totalSteps) {
    onProgress?.(run.stepsDone / run.totalSteps);
    if (shouldStop?.() || now() >= deadline) break;
    run.advance(PROGRESS_EVERY);
  }
  onProgress?.(1);
  return run.finish();
}
