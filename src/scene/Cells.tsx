import { type RefObject, useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry, LineBasicMaterial, LineSegments } from 'three';
import { arcSegments, sampleArc } from '../core/geometry/arcs.ts';
import { sphericalVoronoi } from '../core/geometry/voronoi.ts';
import { prototypeRgb } from './palette.ts';
import { useThrottled } from './rig.ts';
import type { Source } from './source.ts';

/** Voronoi cells are computed and drawn up to this many prototypes (O(N^2) to compute). */
export const MAX_CELLS_N = 1500;
/** How far each cell's border is pulled towards its prototype, so both neighbours' tints show. */
const INSET = 0.025;
const LIFT = 1.003;

/**
 * The spherical Voronoi cells (decision regions of nearest-prototype decoding) on S^2: each
 * cell's border drawn as great-circle arcs in its prototype's colour, slightly inset, so every
 * border shows the two tints of the cells it separates.
 */
export function Cells({
  source,
  stage,
}: {
  readonly source: Source;
  readonly stage: RefObject<HTMLDivElement | null>;
}) {
  // Level of detail: many small cells read better with fainter borders.
  const opacity = source.N > 300 ? 0.5 : 0.8;
  const lines = useMemo(() => {
    const material = new LineBasicMaterial({
      vertexColors: true,
      transparent: true,
      opacity,
      depthWrite: false,
    });
    const obj = new LineSegments(new BufferGeometry(), material);
    obj.frustumCulled = false;
    obj.renderOrder = 4;
    return obj;
  }, [opacity]);
  useEffect(
    () => () => {
      lines.geometry.dispose();
      lines.material.dispose();
      if (stage.current) delete stage.current.dataset.cells;
    },
    [lines, stage],
  );

  useThrottled(
    () => `${source.id}/${source.version}`,
    () => {
      const { N, data } = source;
      const cells = N <= MAX_CELLS_N ? sphericalVoronoi(data, N) : [];
      const pos: number[] = [];
      const col: number[] = [];
      const a = new Float64Array(3);
      const b = new Float64Array(3);
      cells.forEach((cell, i) => {
        const [r, g, bl] = prototypeRgb(i);
        const p = data.subarray(i * 3, i * 3 + 3);
        const inset = (v: readonly number[], out: Float64Array) => {
          for (let k = 0; k < 3; k++) out[k] = v[k] * (1 - INSET) + p[k] * INSET;
          const l = Math.hypot(out[0], out[1], out[2]);
          for (let k = 0; k < 3; k++) out[k] /= l;
        };
        const V = cell.vertices.length;
        for (let k = 0; k < V; k++) {
          inset(cell.vertices[k], a);
          inset(cell.vertices[(k + 1) % V], b);
          const segs = arcSegments(
            Math.acos(Math.max(-1, Math.min(1, a[0] * b[0] + a[1] * b[1] + a[2] * b[2]))),
            28,
          );
          const pts = sampleArc(a, b, 3, segs);
          for (let t = 0; t < segs; t++) {
            for (const u of [t, t + 1]) {
              pos.push(pts[u * 3] * LIFT, pts[u * 3 + 1] * LIFT, pts[u * 3 + 2] * LIFT);
              col.push(r, g, bl);
            }
          }
        }
      });
      lines.geometry.dispose();
      const geometry = new BufferGeometry();
      geometry.setAttribute('position', new BufferAttribute(new Float32Array(pos), 3));
      geometry.setAttribute('color', new BufferAttribute(new Float32Array(col), 3));
      lines.geometry = geometry;
      if (stage.current)
        stage.current.dataset.cells = String(cells.filter((c) => c.vertices.length).length);
    },
  );

  return <primitive object={lines} />;
}
