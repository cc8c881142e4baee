import { denseHingeGradient } from './denseHinge.ts';
import type { Guard } from './guard.ts';
import { hingeGradient } from './hinge.ts';
import type { PairList } from './pairList.ts';
import { createPairList, rebuildPairs, updatePairs } from './pairList.ts';
import { sphereMomentumStep } from './sphereStep.ts';

/**
 * The margin optimiser: Riemannian heavy-ball descent on the hinge-squared margin objective
 * (hinge.ts) with a pair list (pairList.ts) so that most steps cost O(listed pairs * n), not
 * O(N^2 n).
 *
 * Correctness of the list is certified, not hoped for: a row that moved by d_i changes each of
 * its cosines by at most d_i (unit vectors), so after rows moved by d_i since the last rebuild
 * every unlisted pair has cosine <= threshold + d_1 + d_2 (the two largest accumulated moves).
 * While the level s = max - margin stays above that bound the list holds every pair that
 * matters and the step is exact; otherwise the list is rebuilt. The slack between the list
 * threshold and s adapts so that rebuilds come about every REBUILD_TARGET steps.
 */
export interface StepInfo {
  /** Max cosine of the configuration before this step (exact). */
  readonly maxCosine: number;
  /** Hinge energy E_s at the level used. */
  readonly energy: number;
  /** Pairs above the level (pushing). */
  readonly active: number;
  /** Whether this step rebuilt the pair list (or ran a dense pass). */
  readonly rebuilt: boolean;
}

export interface MarginOptimiser {
  readonly N: number;
  readonly n: number;
  /** The current configuration (live; rows are unit vectors). */
  readonly x: Float64Array;
  /** The configuration with the smallest max cosine seen so far, and that max cosine. */
  readonly best: Float64Array;
  readonly bestMax: number;
  /** Steps taken, dense passes done. */
  readonly steps: number;
  readonly rebuilds: number;
  step(margin: number, lr: number, momentum: number, guard?: Guard): StepInfo;
  /**
   * Moves every row by `scale` times a standard normal vector (then back onto the sphere),
   * keeping the pair list's bookkeeping valid: a random kick for escaping shallow basins.
   */
  kick(scale: number, normal: () => number): void;
}

const REBUILD_TARGET = 10;

export function createMarginOptimiser(
  start: Float64Array,
  N: number,
  n: number,
  pairCapacity?: number,
): MarginOptimiser {
  const x = start.slice();
  const v = new Float64Array(N * n);
  const grad = new Float64Array(N * n);
  const best = x.slice();
  const moved = new Float64Array(N);
  const since = new Float64Array(N); // accumulated moves since the last rebuild
  const list: PairList = createPairList(pairCapacity);
  let listValid = false;
  let denseUntilMargin = Number.POSITIVE_INFINITY; // after an overflow: dense until margin halves
  let prevMax = Number.NaN; // max cosine before the previous step
  let lastMoved = 0;
  let slackFactor = 1;
  let sinceRebuild = 0;
  let bestMax = Number.POSITIVE_INFINITY;
  let steps = 0;
  let rebuilds = 0;

  const topTwo = (): number => {
    let d1 = 0;
    let d2 = 0;
    for (let i = 0; i < N; i++) {
      const d = since[i];
      if (d > d1) {
        d2 = d1;
        d1 = d;
      } else if (d > d2) d2 = d;
    }
    return d1 + d2;
  };

  const step = (margin: number, lr: number, momentum: number, guard?: Guard): StepInfo => {
    grad.fill(0);
    let max = Number.NEGATIVE_INFINITY;
    let energy = 0;
    let active = 0;
    let rebuilt = false;
    let listed = false;
    if (listValid) {
      max = updatePairs(x, n, list, guard);
      const bound = list.threshold + topTwo();
      // Also rebuild when the list has become much looser than needed (the margin shrank).
      const loose = max - margin - list.threshold > 4 * (1 + slackFactor) * margin;
      if (max - margin > bound && !loose) {
        ({ energy, active } = hingeGradient(x, n, list, max - margin, grad, guard));
        listed = true;
        sinceRebuild++;
      }
    }
    if (!listed) {
      rebuilt = true;
      rebuilds++;
      if (Number.isFinite(prevMax) && margin < denseUntilMargin) {
        if (sinceRebuild < REBUILD_TARGET / 2) slackFactor = Math.min(slackFactor * 1.5, 100);
        else if (sinceRebuild > 2 * REBUILD_TARGET) slackFactor = Math.max(slackFactor / 1.5, 0.05);
      }
      sinceRebuild = 0;
      since.fill(0);
      listValid = false;
      // A certified lower bound on the current max (NaN on the first step): the listed max, or
      // the previous worst pair, which moved by at most 2 lastMoved.
      const lower = Math.max(max, prevMax - 2 * lastMoved);
      if (margin < denseUntilMargin) {
        let threshold = Number.NaN;
        if (Number.isFinite(lower)) threshold = lower - margin * (1 + slackFactor);
        else if (N * N <= 2 * list.capacity) threshold = Number.NEGATIVE_INFINITY; // list them all
        if (!Number.isNaN(threshold)) {
          max = rebuildPairs(x, N, n, threshold, list, guard);
          if (list.overflow) denseUntilMargin = margin / 2;
          else {
            listValid = true;
            ({ energy, active } = hingeGradient(x, n, list, max - margin, grad, guard));
          }
        }
      }
      if (!listValid) {
        // Too many pairs to list: one streaming pass. Its level needs an estimate of the max;
        // on the very first step that costs one extra pass.
        if (!Number.isFinite(lower) && !Number.isFinite(max)) {
          max = rebuildPairs(x, N, n, Number.POSITIVE_INFINITY, list, guard);
        }
        const estimate = Number.isFinite(lower) ? Math.max(lower, max) : max;
        const r = denseHingeGradient(x, N, n, estimate - margin, grad, guard);
        max = r.max;
        energy = r.energy;
        active = r.active;
      }
    }
    if (max < bestMax) {
      bestMax = max;
      best.set(x);
    }
    prevMax = max;
    lastMoved = sphereMomentumStep(x, v, grad, N, n, lr, momentum, moved);
    for (let i = 0; i < N; i++) since[i] += moved[i];
    steps++;
    return { maxCosine: max, energy, active, rebuilt };
  };

  return {
    N,
    n,
    x,
    best,
    get bestMax() {
      return bestMax;
    },
    get steps() {
      return steps;
    },
    get rebuilds() {
      return rebuilds;
    },
    step,
    kick(scale, normal) {
      let maxMoved = 0;
      for (let i = 0; i < N; i++) {
        const o = i * n;
        let norm2 = 0;
        for (let k = 0; k < n; k++) {
          const y = x[o + k] + scale * normal();
          grad[o + k] = y;
          norm2 += y * y;
        }
        const inv = 1 / Math.sqrt(norm2);
        let d2 = 0;
        for (let k = 0; k < n; k++) {
          const y = grad[o + k] * inv;
          d2 += (y - x[o + k]) ** 2;
          x[o + k] = y;
        }
        const d = Math.sqrt(d2);
        since[i] += d;
        if (d > maxMoved) maxMoved = d;
      }
      lastMoved += maxMoved;
    },
  };
}
