import { describe, expect, it } from 'vitest';
import {
  apply4,
  det4,
  givens,
  identity4,
  type Mat4,
  multiply4,
  rotateInPlane,
  rotationToPole,
  transpose4,
} from './rotation4.ts';

function expectOrthogonal(m: Mat4) {
  const p = multiply4(m, transpose4(m));
  const id = identity4();
  for (let k = 0; k < 16; k++) expect(p[k]).toBeCloseTo(id[k], 12);
  expect(det4(m)).toBeCloseTo(1, 12);
}

describe('4D rotations', () => {
  it('a Givens rotation turns e_i towards e_j and is orthogonal with det 1', () => {
    const g = givens(0, 3, Math.PI / 2);
    expect(Array.from(apply4(g, [1, 0, 0, 0])).map((x) => Math.round(x * 1e12) / 1e12)).toEqual([
      0, 0, 0, 1,
    ]);
    expectOrthogonal(g);
  });

  it('thousands of composed plane rotations stay a rotation', () => {
    let m = identity4();
    const planes = ['xw', 'yw', 'zw', 'xy'] as const;
    for (let k = 0; k < 5000; k++) m = rotateInPlane(m, planes[k % 4], 0.37 + k * 1e-3);
    expectOrthogonal(m);
  });

  it('rotations in different planes do not commute (why one matrix, not angles)', () => {
    const a = multiply4(givens(0, 3, 0.5), givens(1, 3, 0.5));
    const b = multiply4(givens(1, 3, 0.5), givens(0, 3, 0.5));
    expect(Math.max(...a.map((x, k) => Math.abs(x - b[k])))).toBeGreaterThan(0.05);
  });

  it('rotationToPole takes the pole to (0, 0, 0, 1)', () => {
    for (const p of [
      [0.5, 0.5, 0.5, 0.5],
      [0, 0, 0, 1],
      [0, 0, 0, -1],
      [1, 0, 0, 0],
      [0.1, -0.7, 0.2, -0.68],
    ]) {
      const r = rotationToPole(p);
      expectOrthogonal(r);
      const norm = Math.hypot(...p);
      const q = apply4(
        r,
        p.map((x) => x / norm),
      );
      expect(q[0]).toBeCloseTo(0, 12);
      expect(q[1]).toBeCloseTo(0, 12);
      expect(q[2]).toBeCloseTo(0, 12);
      expect(q[3]).toBeCloseTo(1, 12);
    }
  });
});

describe('emptiest pole', () => {
  it('for the 8 vertices ±e_k of the 16-cell it is a point (±1, ±1, ±1, ±1)/2 up to sampling', async () => {
    const { emptiestDirection } = await import('./pole.ts');
    const data: number[] = [];
    for (let k = 0; k < 4; k++)
      for (const s of [1, -1]) data.push(...[0, 1, 2, 3].map((c) => (c === k ? s : 0)));
    const p = emptiestDirection(data, 8, 4);
    // The deepest holes have max cosine 1/2 with the vertices; sampling gets close.
    const worst = Math.max(...p.map(Math.abs));
    expect(worst).toBeLessThan(0.6);
    expect(Math.hypot(...p)).toBeCloseTo(1, 12);
  });
});
