import { describe, expect, it } from 'vitest';
import { sphericalPolygonArea, sphericalVoronoi } from './voronoi.ts';

const octahedron = [1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1];

describe('spherical Voronoi cells', () => {
  it('cuts the sphere into the 6 cube faces around the octahedron vertices', () => {
    const cells = sphericalVoronoi(octahedron, 6);
    expect(cells).toHaveLength(6);
    const r = 1 / Math.sqrt(3);
    cells.forEach((cell, i) => {
      expect(cell.vertices).toHaveLength(4);
      const axis = Math.floor(i / 2);
      const sign = i % 2 === 0 ? 1 : -1;
      for (const v of cell.vertices) {
        // A vertex of the cube (±1, ±1, ±1)/√3 on the side of the prototype.
        for (const x of v) expect(Math.abs(x)).toBeCloseTo(r, 12);
        expect(Math.sign(v[axis])).toBe(sign);
      }
      expect(sphericalPolygonArea(cell.vertices)).toBeCloseTo((4 * Math.PI) / 6, 10);
    });
  });

  it('gives each vertex of the regular tetrahedron a quarter of the sphere', () => {
    const s = 1 / Math.sqrt(3);
    const tetra = [s, s, s, s, -s, -s, -s, s, -s, -s, -s, s];
    for (const cell of sphericalVoronoi(tetra, 4)) {
      expect(cell.vertices).toHaveLength(3);
      expect(sphericalPolygonArea(cell.vertices)).toBeCloseTo(Math.PI, 10);
    }
  });

  it('handles lunes: three points on a great circle split the sphere into thirds', () => {
    const pts: number[] = [];
    for (let k = 0; k < 3; k++)
      pts.push(Math.cos((2 * Math.PI * k) / 3), Math.sin((2 * Math.PI * k) / 3), 0);
    for (const cell of sphericalVoronoi(pts, 3)) {
      expect(sphericalPolygonArea(cell.vertices)).toBeCloseTo((4 * Math.PI) / 3, 10);
    }
    const two = sphericalVoronoi([0, 0, 1, 0, 0, -1], 2);
    for (const cell of two)
      expect(sphericalPolygonArea(cell.vertices)).toBeCloseTo(2 * Math.PI, 10);
  });

  it('tiles the sphere for random points: the areas add up to 4π', () => {
    let s = 12345;
    const rnd = () => {
      s = (s * 1103515245 + 12345) % 2 ** 31;
      return s / 2 ** 31 - 0.5;
    };
    const N = 1000;
    const pts = new Float64Array(N * 3);
    for (let i = 0; i < N; i++) {
      const v = [rnd(), rnd(), rnd()];
      const l = Math.hypot(...v);
      for (let k = 0; k < 3; k++) pts[i * 3 + k] = v[k] / l;
    }
    const cells = sphericalVoronoi(pts, N);
    const total = cells.reduce((acc, c) => acc + sphericalPolygonArea(c.vertices), 0);
    expect(total).toBeCloseTo(4 * Math.PI, 8);
    // No cell is empty: every prototype decodes a region of its own.
    for (const cell of cells) expect(cell.vertices.length).toBeGreaterThanOrEqual(3);
  });
});
