import { describe, expect, it } from 'vitest';
import { gaussianRows } from '../math/codebook.ts';
import { createRandom } from '../math/random.ts';
import { createMarginOptimiser } from './optimiser.ts';
import { DEFAULT_SCHEDULE, marginAt } from './schedule.ts';

function denseMax(x: Float64Array, N: number, n: number): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < N; i++) {
    for (let j = i + 1; j < N; j++) {
      let g = 0;
      for (let k = 0; k < n; k++) g += x[i * n + k] * x[j * n + k];
      if (g > max) max = g;
    }
  }
  return max;
}

describe('margin optimiser', () => {
  it.each([
    ['pair list', 1 << 22],
    ['streaming (list too small)', 50],
  ])('reports the exact max cosine every step and keeps rows unit (%s)', (_name, capacity) => {
    const N = 60;
    const n = 6;
    const random = createRandom(5);
    const opt = createMarginOptimiser(gaussianRows(N, n, random.normal), N, n, capacity);
    const steps = 400;
    let listedSteps = 0;
    for (let s = 0; s < steps; s++) {
      const before = denseMax(opt.x, N, n);
      const info = opt.step(marginAt(DEFAULT_SCHEDULE, s / steps), 0.25, 0.9);
      expect(info.maxCosine).toBeCloseTo(before, 12);
      if (!info.rebuilt) listedSteps++;
      if (s % 50 === 0) opt.kick(1e-3, random.normal); // kicks must keep the bookkeeping valid
    }
    if (capacity > 1000) expect(listedSteps).toBeGreaterThan(steps / 2); // the list does save work
    for (let i = 0; i < N; i++) {
      let r = 0;
      for (let k = 0; k < n; k++) r += opt.x[i * n + k] ** 2;
      expect(Math.abs(r - 1)).toBeLessThan(1e-12);
    }
    expect(opt.bestMax).toBeLessThan(denseMax(gaussianRows(N, n, createRandom(5).normal), N, n));
    expect(denseMax(opt.best, N, n)).toBeCloseTo(opt.bestMax, 12);
  });
});
