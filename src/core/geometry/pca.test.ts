import { describe, expect, it } from 'vitest';
import { coordinateAxes, principalAxes, projectOnto } from './pca.ts';

/** Orthonormal rows of a random-ish k x n matrix (Gram-Schmidt). */
function frame(k: number, n: number, seed: number): number[][] {
  let s = seed;
  const rnd = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31 - 0.5;
  };
  const rows: number[][] = [];
  while (rows.length < k) {
    const v = Array.from({ length: n }, rnd);
    for (const r of rows) {
      const d = v.reduce((acc, x, c) => acc + x * r[c], 0);
      for (let c = 0; c < n; c++) v[c] -= d * r[c];
    }
    const l = Math.hypot(...v);
    rows.push(v.map((x) => x / l));
  }
  return rows;
}

describe('principal axes', () => {
  it('recovers the 3-plane that points of R^7 lie in', () => {
    const n = 7;
    const N = 40;
    const basis = frame(3, n, 7);
    const data = new Float64Array(N * n);
    for (let i = 0; i < N; i++) {
      // Different spreads along the three directions, so the axes are well defined.
      const c = [Math.sin(i * 1.3) * 3, Math.cos(i * 0.7) * 2, Math.sin(i * 2.9 + 1)];
      for (let k = 0; k < n; k++)
        data[i * n + k] = c[0] * basis[0][k] + c[1] * basis[1][k] + c[2] * basis[2][k];
    }
    const { axes, variances } = principalAxes(data, N, n);
    // Each axis lies in the plane: its projection onto the basis has length 1.
    for (let r = 0; r < 3; r++) {
      let inPlane = 0;
      for (const b of basis) {
        let d = 0;
        for (let k = 0; k < n; k++) d += axes[r * n + k] * b[k];
        inPlane += d * d;
      }
      expect(inPlane).toBeCloseTo(1, 9);
    }
    expect(variances[0]).toBeGreaterThanOrEqual(variances[1]);
    expect(variances[1]).toBeGreaterThanOrEqual(variances[2]);
    expect(variances[2]).toBeGreaterThan(0.1);
  });

  it('gives orthonormal axes even for data of rank 1', () => {
    const data = new Float64Array([1, 0, 0, 0, -1, 0, 0, 0]);
    const { axes } = principalAxes(data, 2, 4);
    for (let r = 0; r < 3; r++) {
      for (let q = 0; q < 3; q++) {
        let d = 0;
        for (let k = 0; k < 4; k++) d += axes[r * 4 + k] * axes[q * 4 + k];
        expect(d).toBeCloseTo(r === q ? 1 : 0, 12);
      }
    }
    expect(Math.abs(axes[0])).toBeCloseTo(1, 12);
  });

  it('a coordinate triple picks those coordinates', () => {
    const data = new Float64Array([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(Array.from(projectOnto(data, 2, 4, coordinateAxes([3, 0, 2], 4), 3))).toEqual([
      4, 1, 3, 8, 5, 7,
    ]);
    expect(() => coordinateAxes([0, 1, 4], 4)).toThrow(/coordinate 4 does not exist/);
  });
});
