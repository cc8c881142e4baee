import { describe, expect, it } from 'vitest';
import { gaussianRows } from '../math/codebook.ts';
import { createRandom } from '../math/random.ts';
import { denseHingeGradient } from './denseHinge.ts';
import { hingeEnergyDense, hingeGradient } from './hinge.ts';
import { createPairList, rebuildPairs } from './pairList.ts';

function setup(N: number, n: number, seed: number) {
  const random = createRandom(seed);
  const x = gaussianRows(N, n, random.normal);
  const list = createPairList();
  const max = rebuildPairs(x, N, n, Number.NEGATIVE_INFINITY, list);
  return { x, list, max, random };
}

describe('hinge-squared margin objective', () => {
  it('its gradient matches central finite differences in random directions', () => {
    const N = 9;
    const n = 5;
    const { x, list, max, random } = setup(N, n, 1);
    const s = max - 0.6; // many pairs active, some not
    const grad = new Float64Array(N * n);
    const { energy, active } = hingeGradient(x, n, list, s, grad);
    expect(active).toBeGreaterThan(3);
    expect(active).toBeLessThan((N * (N - 1)) / 2);
    expect(energy).toBeCloseTo(hingeEnergyDense(x, N, n, s), 12);
    const h = 1e-6;
    for (let trial = 0; trial < 5; trial++) {
      const d = Float64Array.from({ length: N * n }, () => random.normal());
      const plus = x.map((v, i) => v + h * d[i]);
      const minus = x.map((v, i) => v - h * d[i]);
      const numeric =
        (hingeEnergyDense(plus, N, n, s) - hingeEnergyDense(minus, N, n, s)) / (2 * h);
      const analytic = grad.reduce((acc, g, i) => acc + g * d[i], 0);
      expect(Math.abs(numeric - analytic)).toBeLessThan(1e-6 * Math.max(1, Math.abs(analytic)));
    }
  });

  it('the streaming pass gives the same energy, gradient and max as the pair list', () => {
    const N = 23; // not a multiple of 4: exercises the leftover rows
    const n = 7;
    const { x, list, max } = setup(N, n, 2);
    const s = max - 0.3;
    const a = new Float64Array(N * n);
    const b = new Float64Array(N * n);
    const listed = hingeGradient(x, n, list, s, a);
    const dense = denseHingeGradient(x, N, n, s, b);
    expect(dense.max).toBe(max);
    expect(dense.active).toBe(listed.active);
    expect(dense.energy).toBeCloseTo(listed.energy, 13);
    for (let i = 0; i < a.length; i++) expect(b[i]).toBeCloseTo(a[i], 13);
  });

  it('rebuildPairs lists exactly the pairs above the threshold, with their cosines', () => {
    const N = 30;
    const n = 6;
    const { x } = setup(N, n, 3);
    const list = createPairList();
    rebuildPairs(x, N, n, 0.2, list);
    const expected: string[] = [];
    for (let i = 0; i < N; i++) {
      for (let j = i + 1; j < N; j++) {
        let g = 0;
        for (let k = 0; k < n; k++) g += x[i * n + k] * x[j * n + k];
        if (g > 0.2) expected.push(`${i},${j}`);
      }
    }
    const got: string[] = [];
    for (let p = 0; p < list.count; p++) got.push(`${list.a[p]},${list.b[p]}`);
    expect(got.sort()).toEqual(expected.sort());
  });

  it('a full list overflows instead of growing past its capacity', () => {
    const N = 40;
    const { x } = setup(N, 4, 4);
    const list = createPairList(100);
    rebuildPairs(x, N, 4, Number.NEGATIVE_INFINITY, list);
    expect(list.overflow).toBe(true);
    expect(list.count).toBe(100);
  });
});
