import type { ThreeEvent } from '@react-three/fiber';
import { useFrame, useThree } from '@react-three/fiber';
import { type RefObject, useEffect, useMemo, useRef } from 'react';
import { BufferAttribute, BufferGeometry, LineBasicMaterial, LineSegments } from 'three';
import { sampleArc } from '../core/geometry/arcs.ts';
import { coordinateAxes, principalAxes } from '../core/geometry/pca.ts';
import { useLab, useLabStore } from '../state/labContext.ts';
import { Grid, Lights, UnitSphere } from './backdrop.tsx';
import { Cells } from './Cells.tsx';
import { Contacts } from './Contacts.tsx';
import { LabelTracker } from './Labels.tsx';
import { Markers, markerRadius } from './Markers.tsx';
import { linearProjector, s2Projector, s3Projector } from './projectors.ts';
import { type Rig, useProjection } from './rig.ts';
import { makeDisplay, type Source } from './source.ts';

export interface ViewProps {
  readonly source: Source;
  readonly stage: RefObject<HTMLDivElement | null>;
  readonly labelLayer: RefObject<HTMLDivElement | null>;
  readonly labels: boolean;
  onHover(i: number | null, event: ThreeEvent<PointerEvent> | null): void;
  onSelect(i: number): void;
}

/** What every view draws over its backdrop: markers, contact arcs, labels. */
function Common({
  source,
  stage,
  labelLayer,
  labels,
  onHover,
  onSelect,
  rig,
  radius,
  rays,
  sphere,
}: ViewProps & {
  readonly rig: Rig;
  /** S^2: labels of prototypes on the far side are dimmed. */
  readonly sphere: boolean;
  readonly radius: number;
  readonly rays: number | null;
}) {
  const display = useMemo(() => makeDisplay(source.N), [source]);
  useProjection(source, rig, display);
  const showContacts = useLab((s) => s.showContacts);
  const tolerance = useLab((s) => s.contactToleranceDeg);
  const invalidate = useThree((s) => s.invalidate);
  // New labels are placed on the next frame.
  // biome-ignore lint/correctness/useExhaustiveDependencies: labels and display are triggers
  useEffect(() => invalidate(), [labels, display, invalidate]);
  return (
    <>
      <Markers
        display={display}
        radius={radius}
        rayScale={rays}
        onHover={onHover}
        onSelect={onSelect}
      />
      {showContacts && (
        <Contacts source={source} rig={rig} toleranceDeg={tolerance} stage={stage} />
      )}
      {labels && (
        <LabelTracker layer={labelLayer} display={display} radius={radius} sphere={sphere} />
      )}
    </>
  );
}

/** S^2 (n = 3): the shaded sphere, Voronoi cells, contact arcs. */
export function S2View(props: ViewProps) {
  const radius = markerRadius(props.source.N);
  const rig = useMemo(() => ({ projector: s2Projector(radius), version: 0 }), [radius]);
  const showGrid = useLab((s) => s.showGrid);
  const showRays = useLab((s) => s.showRays);
  const showCells = useLab((s) => s.showCells);
  return (
    <>
      <Lights />
      <UnitSphere />
      {showGrid && <Grid />}
      {showCells && <Cells source={props.source} stage={props.stage} />}
      <Common {...props} rig={rig} radius={radius} rays={showRays ? 1 + radius : null} sphere />
    </>
  );
}

/** The six coordinate great circles of R^4 (planes xy, xz, yz, xw, yw, zw), through the view's map. */
function ReferenceCircles({ rig }: { readonly rig: Rig }) {
  const lines = useMemo(() => {
    const obj = new LineSegments(
      new BufferGeometry(),
      new LineBasicMaterial({
        color: '#8ea6dd',
        transparent: true,
        opacity: 0.35,
        depthWrite: false,
      }),
    );
    obj.frustumCulled = false;
    return obj;
  }, []);
  useEffect(() => () => lines.geometry.dispose(), [lines]);
  const drawn = useRef(-1);
  useFrame(() => {
    if (drawn.current === rig.version) return;
    drawn.current = rig.version;
    const pos: number[] = [];
    const p = new Float32Array(3);
    const q = new Float32Array(3);
    const segs = 64;
    for (let i = 0; i < 4; i++) {
      for (let j = i + 1; j < 4; j++) {
        // A full circle as four quarter arcs e_i -> e_j -> -e_i -> -e_j -> e_i.
        const ei = [0, 0, 0, 0];
        const ej = [0, 0, 0, 0];
        ei[i] = 1;
        ej[j] = 1;
        const corners = [ei, ej, ei.map((x) => -x), ej.map((x) => -x)];
        for (let c = 0; c < 4; c++) {
          const pts = sampleArc(corners[c], corners[(c + 1) % 4], 4, segs / 4);
          let ok = rig.projector.map(pts, 0, p, 0);
          for (let t = 1; t <= segs / 4; t++) {
            const ok2 = rig.projector.map(pts, t * 4, q, 0);
            if (ok && ok2) pos.push(p[0], p[1], p[2], q[0], q[1], q[2]);
            p.set(q);
            ok = ok2;
          }
        }
      }
    }
    lines.geometry.dispose();
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(new Float32Array(pos), 3));
    lines.geometry = g;
  }, -1);
  return <primitive object={lines} />;
}

/** Follows the 4D rotation and projection mode of the view slice without a React render. */
function useS3Rig(): Rig {
  const invalidate = useThree((s) => s.invalidate);
  const store = useLabStore();
  const rig = useMemo<Rig>(() => {
    const s = store.getState();
    return { projector: s3Projector(s.rotation4, s.s3Projection), version: 0 };
  }, [store]);
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.rotation4 === prev.rotation4 && s.s3Projection === prev.s3Projection) return;
        rig.projector = s3Projector(s.rotation4, s.s3Projection);
        rig.version += 1;
        invalidate();
      }),
    [store, rig, invalidate],
  );
  return rig;
}

/** S^3 (n = 4): stereographic (or orthographic) projection after a 4D rotation; colour by w. */
export function S3View(props: ViewProps) {
  const rig = useS3Rig();
  const radius = markerRadius(props.source.N) * 0.9;
  const showGrid = useLab((s) => s.showGrid);
  return (
    <>
      <Lights />
      {/* The image of the rotated equator w = 0 (stereographic) or the unit ball (orthographic). */}
      <UnitSphere opacity={0.16} />
      {showGrid && <ReferenceCircles rig={rig} />}
      <Common {...props} rig={rig} radius={radius} rays={null} sphere={false} />
    </>
  );
}

/** Any n: PCA of the prototypes (warm-started during a live run) or a coordinate triple. */
export function ProjView(props: ViewProps) {
  const { source } = props;
  const mode = useLab((s) => s.projAxes);
  const triple = useLab((s) => s.projTriple);
  const showGrid = useLab((s) => s.showGrid);
  const showRays = useLab((s) => s.showRays);
  const radius = markerRadius(source.N) * 0.85;
  const n = source.n;
  const rig = useMemo<Rig>(() => {
    let axes: Float64Array;
    if (mode === 'coords' && triple.every((c) => c < n)) axes = coordinateAxes(triple, n);
    else if (n >= 3) axes = principalAxes(source.data, source.N, n).axes;
    else
      axes = coordinateAxes(
        [0, 1, 1].map((c) => Math.min(c, n - 1)),
        n,
      );
    return { projector: linearProjector(axes, n), version: 0 };
  }, [mode, triple, n, source]);
  const seen = useRef(source.version);
  // During a live run the PCA axes follow the prototypes: a few warm-started sweeps a change.
  const axesRef = useRef<Float64Array | null>(null);
  useFrame(() => {
    if (mode !== 'pca' || n < 3 || seen.current === source.version) return;
    seen.current = source.version;
    const { axes } = principalAxes(source.data, source.N, n, 3, {
      init: axesRef.current ?? undefined,
      maxSweeps: 6,
    });
    axesRef.current = axes;
    rig.projector = linearProjector(axes, n);
    rig.version += 1;
  }, -3);
  return (
    <>
      <Lights />
      <UnitSphere opacity={0.14} />
      {showGrid && <Grid opacity={0.1} />}
      <Common {...props} rig={rig} radius={radius} rays={showRays ? 1 : null} sphere={false} />
    </>
  );
}
