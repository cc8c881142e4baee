import type { Guard } from './guard.ts';
import { pushPair } from './hinge.ts';
import { dot } from './pairList.ts';

/**
 * The hinge-squared gradient (see hinge.ts) over all pairs in one streaming pass, for when the
 * pairs near the worst one are too many to list (large N early in a run, when the margin is
 * wide). Cosines are computed four rows at a time as in rebuildPairs, and a pair above the level
 * s pushes both rows at once. Adds into `grad` (zeroed by the caller) and returns the energy,
 * the number of pairs above s and the largest cosine.
 */
export function denseHingeGradient(
  x: Float64Array,
  N: number,
  n: number,
  s: number,
  grad: Float64Array,
  guard?: Guard,
): { energy: number; active: number; max: number } {
  let energy = 0;
  let active = 0;
  let max = Number.NEGATIVE_INFINITY;
  const push = (i: number, j: number, v: number): void => {
    if (v > max) max = v;
    const r = v - s;
    if (r <= 0) return;
    energy += r * r;
    active++;
    pushPair(x, grad, i * n, j * n, n, 2 * r);
  };
  let i = 0;
  for (; i + 3 < N; i += 4) {
    const o0 = i * n;
    const o1 = o0 + n;
    const o2 = o1 + n;
    const o3 = o2 + n;
    for (let p = 0; p < 4; p++) {
      for (let q = p + 1; q < 4; q++) push(i + p, i + q, dot(x, (i + p) * n, (i + q) * n, n));
    }
    for (let j = i + 4; j < N; j++) {
      const oj = j * n;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0; k < n; k++) {
        const y = x[oj + k];
        s0 += x[o0 + k] * y;
        s1 += x[o1 + k] * y;
        s2 += x[o2 + k] * y;
        s3 += x[o3 + k] * y;
      }
      push(i, j, s0);
      push(i + 1, j, s1);
      push(i + 2, j, s2);
      push(i + 3, j, s3);
      if ((j & 63) === 0) guard?.tick(256 * n * 3);
    }
  }
  for (; i < N; i++) {
    for (let j = i + 1; j < N; j++) push(i, j, dot(x, i * n, j * n, n));
  }
  return { energy, active, max };
}
