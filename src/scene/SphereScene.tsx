import { OrbitControls } from '@react-three/drei';
import { Canvas, type ThreeEvent, useFrame, useThree } from '@react-three/fiber';
import {
  type ComponentRef,
  type RefObject,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { PerspectiveCamera } from 'three';
import type { ViewId } from '../state/defaults.ts';
import { useData, useLab, useLabStore } from '../state/labContext.ts';
import { shownView } from '../state/view.ts';
import { PaletteRefresh, SceneSummary, usePaletteSync, useReducedMotion } from './access.tsx';
import { type CaptureScene, SceneCapture } from './capture.tsx';
import { Details, HoverTip } from './Details.tsx';
import { useEmbed } from './embedInfo.ts';
import { verticalFovFor } from './framing.ts';
import { LabelLayer, MAX_LABELS } from './Labels.tsx';
import { wColours } from './palette.ts';
import { RotationPad, useModifierRotation } from './RotationPad.tsx';
import { SaveSceneButton } from './SaveSceneButton.tsx';
import { skipShaderChecks } from './shaderChecks.ts';
import { type Source, sourceOf } from './source.ts';
import { ProjView, S2View, S3View } from './views.tsx';
import { hasWebGL2, WebGLMissing } from './webgl.tsx';

type OrbitControlsImpl = ComponentRef<typeof OrbitControls>;

const BACKGROUND = '#0a0e17';
/**
 * Where the camera starts in each view. S^2: slightly above, looking along the axis through the
 * midpoints of two opposite edges of the default tetrahedron, so all four prototypes spread out.
 * S^3: farther back (stereographic images reach beyond the unit sphere).
 */
const CAMERA_START: Record<ViewId, [number, number, number]> = {
  s2: [-2.45, 1.75, 2.5],
  s3: [-3.4, 2.4, 3.5],
  proj: [-2.3, 1.6, 2.35],
};
/** Vertical field of view on landscape stages (degrees); portrait ones widen it (framing.ts). */
const BASE_FOV = 38;
const HINT: Record<ViewId, string> = {
  s2: 'drag to rotate · scroll to zoom · click a prototype for details',
  s3: 'drag to orbit · Shift+drag: rotate in xw / yw · Shift+scroll: zw',
  proj: 'drag to rotate · scroll to zoom · points inside the unit ball',
};
/**
 * In an embed the user is not working in, the wheel scrolls the host page instead (scene/embedInfo.ts):
 * the hint says to click first.
 */
function unfocusedHint(hint: string): string {
  return hint
    .replace('scroll to zoom', 'click, then scroll to zoom')
    .replace('Shift+scroll', 'click, then Shift+scroll');
}
/** The same for a touch screen (shown instead where the pointer is coarse: app.css). */
const TOUCH_HINT: Record<ViewId, string> = {
  s2: 'drag to rotate · pinch to zoom · tap a prototype for details',
  s3: 'drag to orbit · the buttons rotate in xw / yw / zw',
  proj: 'drag to rotate · pinch to zoom · points inside the unit ball',
};
const VIEW_NAME: Record<ViewId, string> = { s2: 'S² view', s3: 'S³ view', proj: 'projection' };

/** The 3D view of the prototypes: S^2, S^3 projected, or a projection of any n. Renders on demand. */
export function SphereScene() {
  const webgl = useMemo(hasWebGL2, []);
  if (!webgl) return <WebGLMissing />;
  return <Stage />;
}

function Stage() {
  const current = useLab((s) => s.current);
  // Shape of what a running job shows (changes once per job, not per step).
  const jobShape = useLab((s) => (s.job ? `${s.job.request.N}x${s.job.request.n}` : null));
  const view = useLab((s) => s.view);
  const showLabels = useLab((s) => s.showLabels);
  const selected = useLab((s) => s.selected);
  const select = useLab((s) => s.select);
  const classNames = useData((s) => s.subset?.classNames ?? null);
  const stage = useRef<HTMLDivElement>(null);
  const labelLayer = useRef<HTMLDivElement>(null);
  const controls = useRef<OrbitControlsImpl>(null);
  const [hover, setHover] = useState<{ i: number; x: number; y: number } | null>(null);
  const palette = usePaletteSync();
  // Reduced motion: no camera inertia, and a running optimisation shows only its result.
  const reduced = useReducedMotion();
  const summaryId = useId();
  const capture = useRef<CaptureScene | null>(null);
  // Embedded, the wheel zooms only while the user works in the embed (the host page scrolls).
  const zoom = useEmbed().focused;

  const codebook = current?.codebook;
  const [N, n] = jobShape ? jobShape.split('x').map(Number) : [codebook?.N ?? 0, codebook?.n ?? 0];
  const source = useMemo(() => (N > 0 ? sourceOf(codebook, N, n) : null), [codebook, N, n]);
  const shown = shownView(view, n || 3);
  const renderKey = current ? `${current.method}/${current.N}/${current.n}/${current.seed}` : '';
  const labelCount = source && showLabels && N <= MAX_LABELS ? N : 0;
  const names = classNames && classNames.length === N ? classNames : null;
  useModifierRotation(stage, shown === 's3');

  // A selection or hover refers to a prototype index: drop it when the prototypes change shape.
  // biome-ignore lint/correctness/useExhaustiveDependencies: N and n are the triggers
  useEffect(() => {
    setHover(null);
    if (selected !== null && selected >= N) select(null);
  }, [N, n]);

  const onHover = (i: number | null, e: ThreeEvent<PointerEvent> | null) => {
    const box = stage.current?.getBoundingClientRect();
    if (i === null || !e || !box) setHover(null);
    else setHover({ i, x: e.nativeEvent.clientX - box.left, y: e.nativeEvent.clientY - box.top });
  };
  const viewProps = source && {
    source,
    stage,
    labelLayer,
    labels: labelCount > 0,
    onHover,
    onSelect: select,
  };

  return (
    <div
      className="stage"
      ref={stage}
      data-testid="scene"
      data-view={shown}
      data-zoom={zoom ? 'on' : 'off'}
    >
      <Canvas
        frameloop="demand"
        dpr={[1, 2]}
        camera={{ position: CAMERA_START.s2, fov: BASE_FOV, near: 0.05, far: 80 }}
        gl={{ antialias: true }}
        onCreated={skipShaderChecks}
        onPointerMissed={() => select(null)}
        role="img"
        aria-label="3D view of the prototypes"
        aria-describedby={summaryId}
      >
        <color attach="background" args={[BACKGROUND]} />
        {viewProps && shown === 's2' && <S2View {...viewProps} />}
        {viewProps && shown === 's3' && <S3View {...viewProps} />}
        {viewProps && shown === 'proj' && <ProjView {...viewProps} />}
        {source && <LiveUpdater source={source} still={reduced} />}
        {source && <PaletteRefresh source={source} palette={palette} />}
        <OrbitControls
          ref={controls}
          makeDefault
          enablePan={false}
          enableDamping={!reduced}
          enableZoom={zoom}
          minDistance={1.2}
          maxDistance={30}
        />
        <CameraRig view={shown} controls={controls} />
        <FitWidth />
        <RenderProbe stage={stage} renderKey={renderKey} />
        <DebugHook />
        <SceneCapture target={capture} />
      </Canvas>
      <LabelLayer layer={labelLayer} count={labelCount} names={names} />
      <SceneSummary id={summaryId} view={shown} />
      {view !== shown && (
        <p className="view-note" data-testid="view-note" role="status">
          The {VIEW_NAME[view]} needs n = {view === 's2' ? 3 : 4}; these prototypes are in R
          <sup>{n}</sup>, so a 3D projection is shown instead.
        </p>
      )}
      {hover && source && (
        <HoverTip source={source} index={hover.i} x={hover.x} y={hover.y} names={names} />
      )}
      {selected !== null && source && selected < N && (
        <Details source={source} index={selected} names={names} onClose={() => select(null)} />
      )}
      {shown === 's3' && <RotationPad />}
      {shown === 's3' && <WLegend />}
      <button
        type="button"
        className="stage-button reset-camera"
        data-testid="reset-camera"
        onClick={() => controls.current?.reset()}
      >
        reset camera
      </button>
      <SaveSceneButton capture={capture} name={renderKey} />
      <div className="stage-hint" data-testid="stage-hint">
        <span className="hint-mouse">{zoom ? HINT[shown] : unfocusedHint(HINT[shown])}</span>
        <span className="hint-touch">{TOUCH_HINT[shown]}</span>
      </div>
    </div>
  );
}

/** The S^3 view's colour scale: the fourth coordinate after the 4D rotation. */
function WLegend() {
  const { low, mid, high } = wColours();
  return (
    <div className="w-legend" title="Colour shows the fourth coordinate w after the 4D rotation">
      <span>w = −1</span>
      <i style={{ background: `linear-gradient(90deg, ${low}, ${mid}, ${high})` }} />
      <span>+1 (pole)</span>
    </div>
  );
}

/** Puts the camera at the view's start when the view changes; `reset camera` returns there. */
function CameraRig({
  view,
  controls,
}: {
  readonly view: ViewId;
  readonly controls: RefObject<OrbitControlsImpl | null>;
}) {
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    camera.position.set(...CAMERA_START[view]);
    camera.lookAt(0, 0, 0);
    const c = controls.current;
    if (c) {
      c.target.set(0, 0, 0);
      c.update();
      c.saveState();
    }
    invalidate();
  }, [view, camera, controls, invalidate]);
  return null;
}

/** Keeps the sphere whole across a portrait stage by widening the field of view. */
function FitWidth() {
  const camera = useThree((s) => s.camera);
  const width = useThree((s) => s.size.width);
  const height = useThree((s) => s.size.height);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    if (!(camera instanceof PerspectiveCamera)) return;
    const fov = verticalFovFor(BASE_FOV, width / height);
    if (camera.fov === fov) return;
    camera.fov = fov;
    camera.updateProjectionMatrix();
    invalidate();
  }, [camera, width, height, invalidate]);
  return null;
}

/**
 * Transient subscription to the running optimisation: copies its prototypes into the source in
 * place and asks for one frame. No React state changes, so no re-render per optimiser update.
 */
function LiveUpdater({ source, still }: { readonly source: Source; readonly still: boolean }) {
  const invalidate = useThree((s) => s.invalidate);
  const liveStore = useLab((s) => s.live);
  const store = useLabStore();
  useEffect(() => {
    // Reduced motion: a running optimisation shows its start, then jumps to its end (single
    // steps still show).
    let started = false;
    return liveStore.subscribe((live) => {
      if (!live.data || live.N !== source.N || live.n !== source.n) return;
      if (still && started && !store.getState().job?.paused) return;
      started = true;
      source.data.set(live.data);
      source.version += 1;
      invalidate();
    });
  }, [liveStore, source, invalidate, still, store]);
  return null;
}

/**
 * Marks the stage element with the codebook last rendered and a frame count, so tests (and
 * anyone curious) can tell when the canvas shows the current prototypes.
 */
function RenderProbe({
  stage,
  renderKey,
}: {
  readonly stage: RefObject<HTMLDivElement | null>;
  readonly renderKey: string;
}) {
  const frames = useRef(0);
  useFrame(() => {
    const el = stage.current;
    if (!el) return;
    frames.current += 1;
    el.dataset.frames = String(frames.current);
    el.dataset.rendered = renderKey;
  });
  return null;
}

declare global {
  interface Window {
    /** For measurements: ask the demand-driven canvas for a frame (`invalidate()`). */
    __hypersphereScene?: { invalidate(): void };
  }
}

function DebugHook() {
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    window.__hypersphereScene = { invalidate: () => invalidate() };
    return () => {
      window.__hypersphereScene = undefined;
    };
  }, [invalidate]);
  return null;
}
