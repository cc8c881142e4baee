import { useFrame } from '@react-three/fiber';
import { type RefObject, useEffect, useMemo, useRef } from 'react';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import { arcSegments, sampleArc } from '../core/geometry/arcs.ts';
import type { ContactPairs } from '../core/geometry/contacts.ts';
import { contactEdgeStyle } from './contactStyle.ts';
import type { Rig } from './rig.ts';
import type { Source } from './source.ts';
import { useGeometryJob } from './useGeometryJob.ts';

/** At most this many contact edges are drawn (by index); the count on the stage says how many exist. */
export const MAX_CONTACT_EDGES = 3000;

const EDGE_COLOR = '#ffe08a';
const WORST_COLOR = '#ff3d7f';

/** Polyline pieces of the arc i-j through the view's map, appended as segment pairs. */
function pushArc(source: Source, rig: Rig, i: number, j: number, out: number[]) {
  const { n, data } = source;
  const a = data.subarray(i * n, (i + 1) * n);
  const b = data.subarray(j * n, (j + 1) * n);
  let d = 0;
  for (let k = 0; k < n; k++) d += a[k] * b[k];
  const segs = Math.min(48, arcSegments(Math.acos(Math.max(-1, Math.min(1, d))), 20));
  const pts = sampleArc(a, b, n, segs);
  const p = new Float32Array(3);
  const q = new Float32Array(3);
  let okP = rig.projector.map(pts, 0, p, 0);
  for (let t = 1; t <= segs; t++) {
    const okQ = rig.projector.map(pts, t * n, q, 0);
    // A piece touching the point at infinity (S^3 view) is left out rather than drawn across.
    if (okP && okQ) out.push(p[0], p[1], p[2], q[0], q[1], q[2]);
    p.set(q);
    okP = okQ;
  }
}

function lines(color: string, width: number, opacity: number) {
  const material = new LineMaterial({ color, linewidth: width, transparent: true, opacity });
  material.depthWrite = false;
  const obj = new LineSegments2(new LineSegmentsGeometry(), material);
  obj.frustumCulled = false;
  obj.renderOrder = 5;
  return obj;
}

/**
 * The contact graph: pairs within `toleranceDeg` of the minimum angle, as great-circle arcs drawn
 * through the view's projection (so in the S^3 view they are arcs of the circles they project
 * to), thinner and fainter when there are many (contactStyle.ts); the worst pair thicker and in
 * another colour. Reports counts on the stage element.
 */
export function Contacts({
  source,
  rig,
  toleranceDeg,
  stage,
}: {
  readonly source: Source;
  readonly rig: Rig;
  readonly toleranceDeg: number;
  readonly stage: RefObject<HTMLDivElement | null>;
}) {
  const edges = useMemo(() => lines(EDGE_COLOR, 2, 0.85), []);
  const worst = useMemo(() => lines(WORST_COLOR, 4.5, 1), []);
  useEffect(
    () => () => {
      for (const o of [edges, worst]) {
        o.geometry.dispose();
        o.material.dispose();
      }
      const el = stage.current;
      if (el) {
        delete el.dataset.contactEdges;
        delete el.dataset.worstPair;
      }
    },
    [edges, worst, stage],
  );
  const graph = useRef<{ version: number; g: ContactPairs | null }>({ version: 0, g: null });
  const drawn = useRef('');

  // The graph: O(N^2 n), computed in the scene-geometry worker.
  useGeometryJob<{ kind: 'contacts'; pairs: ContactPairs | null }>(
    () => `${source.id}/${source.version}/${toleranceDeg}`,
    () => ({
      kind: 'contacts',
      data: source.data.slice(),
      N: source.N,
      n: source.n,
      toleranceDeg,
      maxEdges: MAX_CONTACT_EDGES,
    }),
    ({ pairs: g }, computedFor) => {
      // An answer for prototypes this view no longer shows (N changed) would index past them.
      if (!computedFor.startsWith(`${source.id}/`)) return;
      graph.current = { version: graph.current.version + 1, g };
      const style = contactEdgeStyle(g?.edges.length ?? 0, source.N);
      edges.material.linewidth = style.width;
      edges.material.opacity = style.opacity;
      const el = stage.current;
      if (el) {
        el.dataset.contactEdges = String(g?.count ?? 0);
        el.dataset.worstPair = g ? g.worst.join('-') : '';
      }
    },
  );

  // The arcs: redrawn when the graph or the view (a 4D rotation) changed.
  useFrame(() => {
    const k = `${graph.current.version}/${rig.version}`;
    if (k === drawn.current) return;
    drawn.current = k;
    const g = graph.current.g;
    const pos: number[] = [];
    const worstPos: number[] = [];
    if (g) {
      for (const [i, j] of g.edges) pushArc(source, rig, i, j, pos);
      pushArc(source, rig, g.worst[0], g.worst[1], worstPos);
    }
    edges.geometry.dispose();
    edges.geometry = new LineSegmentsGeometry();
    if (pos.length) edges.geometry.setPositions(pos);
    edges.visible = pos.length > 0;
    worst.geometry.dispose();
    worst.geometry = new LineSegmentsGeometry();
    if (worstPos.length) worst.geometry.setPositions(worstPos);
    worst.visible = worstPos.length > 0;
  });

  return (
    <>
      <primitive object={edges} />
      <primitive object={worst} />
    </>
  );
}
