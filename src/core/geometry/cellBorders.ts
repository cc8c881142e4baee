import { arcSegments, sampleArc } from './arcs.ts';
import { sphericalVoronoi } from './voronoi.ts';

/** The Voronoi cells' borders on S^2 as line segments, ready for a GPU buffer. */
export interface CellBorders {
  /** Segment end points, two per segment, xyz each. */
  readonly positions: Float32Array;
  /** The prototype whose cell each end point borders (one per point), for its colour. */
  readonly owners: Uint32Array;
  /** How many cells have a border (a lone prototype has none). */
  readonly cells: number;
}

/**
 * The spherical Voronoi cells (decision regions of nearest-prototype decoding) of N points on S^2,
 * each cell's border as great-circle arcs pulled `inset` of the way towards its prototype (so both
 * neighbours' tints show along a shared border) and lifted to radius `lift` (above the sphere).
 * O(N^2) for the cells: computed in a worker during live optimisation.
 */
export function cellBorders(
  xyz: ArrayLike<number>,
  N: number,
  inset: number,
  lift: number,
): CellBorders {
  const cells = sphericalVoronoi(xyz, N);
  const pos: number[] = [];
  const own: number[] = [];
  const a = new Float64Array(3);
  const b = new Float64Array(3);
  let drawn = 0;
  cells.forEach((cell, i) => {
    const p = [xyz[i * 3], xyz[i * 3 + 1], xyz[i * 3 + 2]];
    const pull = (v: readonly number[], out: Float64Array) => {
      for (let k = 0; k < 3; k++) out[k] = v[k] * (1 - inset) + p[k] * inset;
      const l = Math.hypot(out[0], out[1], out[2]);
      for (let k = 0; k < 3; k++) out[k] /= l;
    };
    const V = cell.vertices.length;
    if (V > 0) drawn++;
    for (let k = 0; k < V; k++) {
      pull(cell.vertices[k], a);
      pull(cell.vertices[(k + 1) % V], b);
      const angle = Math.acos(Math.max(-1, Math.min(1, a[0] * b[0] + a[1] * b[1] + a[2] * b[2])));
      const segs = arcSegments(angle, 28);
      const pts = sampleArc(a, b, 3, segs);
      for (let t = 0; t < segs; t++) {
        for (const u of [t, t + 1]) {
          pos.push(pts[u * 3] * lift, pts[u * 3 + 1] * lift, pts[u * 3 + 2] * lift);
          own.push(i);
        }
      }
    }
  });
  return { positions: Float32Array.from(pos), owners: Uint32Array.from(own), cells: drawn };
}
