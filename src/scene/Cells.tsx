import { type RefObject, useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry, LineBasicMaterial, LineSegments } from 'three';
import type { CellBorders } from '../core/geometry/cellBorders.ts';
import { prototypeRgb } from './palette.ts';
import type { Source } from './source.ts';
import { useGeometryJob } from './useGeometryJob.ts';

/** Voronoi cells are computed (in the scene-geometry worker) and drawn up to this many prototypes. */
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

  useGeometryJob<{ kind: 'cells'; borders: CellBorders }>(
    () => `${source.id}/${source.version}`,
    () =>
      source.N <= MAX_CELLS_N
        ? { kind: 'cells', data: source.data.slice(), N: source.N, inset: INSET, lift: LIFT }
        : { kind: 'cells', data: new Float64Array(0), N: 0, inset: INSET, lift: LIFT },
    ({ borders }) => {
      const { positions, owners } = borders;
      const colors = new Float32Array(positions.length);
      for (let v = 0; v < owners.length; v++) colors.set(prototypeRgb(owners[v]), v * 3);
      lines.geometry.dispose();
      const geometry = new BufferGeometry();
      geometry.setAttribute('position', new BufferAttribute(positions, 3));
      geometry.setAttribute('color', new BufferAttribute(colors, 3));
      lines.geometry = geometry;
      if (stage.current) stage.current.dataset.cells = String(borders.cells);
    },
  );

  return <primitive object={lines} />;
}
