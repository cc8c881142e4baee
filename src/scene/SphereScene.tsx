import { OrbitControls } from '@react-three/drei';
import { Canvas, useFrame, useThree } from '@react-three/fiber';
import { type RefObject, useEffect, useMemo, useRef } from 'react';
import { AdditiveBlending } from 'three';
import { liveStore } from '../state/live.ts';
import { useLab } from '../state/store.ts';
import { sphereGrid, toXyz } from './geometry.ts';
import { LabelLayer, LabelTracker, MAX_LABELS } from './Labels.tsx';
import { Prototypes } from './Prototypes.tsx';

const BACKGROUND = '#0a0e17';
/**
 * Where the camera starts: slightly above, looking along the axis through the midpoints of two
 * opposite edges of the default tetrahedron, so all four prototypes are spread out on screen.
 */
const CAMERA_START: [number, number, number] = [-2.45, 1.75, 2.5];

/** The 3D view: a shaded unit sphere with the current prototypes. Renders on demand only. */
export function SphereScene() {
  const current = useLab((s) => s.current);
  // Shape of what a running job shows (changes once per job, not per step).
  const jobShape = useLab((s) =>
    s.job && s.job.request.n <= 4 ? `${s.job.request.N}x${s.job.request.n}` : null,
  );
  const liveVersion = useRef(0);
  const showLabels = useLab((s) => s.showLabels);
  const showGrid = useLab((s) => s.showGrid);
  const showRays = useLab((s) => s.showRays);
  const stage = useRef<HTMLDivElement>(null);
  const labelLayer = useRef<HTMLDivElement>(null);
  const codebook = current?.codebook;
  const shownN = jobShape ? Number(jobShape.split('x')[0]) : codebook?.N;
  const xyz = useMemo(
    () =>
      codebook && codebook.N === shownN
        ? toXyz(codebook)
        : shownN
          ? new Float32Array(shownN * 3)
          : null,
    [codebook, shownN],
  );
  const renderKey = current ? `${current.method}/${current.N}/${current.n}/${current.seed}` : '';
  const labelCount = xyz && showLabels && xyz.length / 3 <= MAX_LABELS ? xyz.length / 3 : 0;

  return (
    <div className="stage" ref={stage} data-testid="scene">
      <Canvas
        frameloop="demand"
        dpr={[1, 2]}
        camera={{ position: CAMERA_START, fov: 38, near: 0.05, far: 50 }}
        gl={{ antialias: true }}
      >
        <color attach="background" args={[BACKGROUND]} />
        <Lights />
        <UnitSphere />
        {showGrid && <Grid />}
        {xyz && <Prototypes xyz={xyz} showRays={showRays} version={liveVersion} />}
        {xyz && <LiveUpdater xyz={xyz} version={liveVersion} />}
        {xyz && labelCount > 0 && <LabelTracker layer={labelLayer} xyz={xyz} />}
        <OrbitControls makeDefault enablePan={false} minDistance={1.6} maxDistance={9} />
        <RenderProbe stage={stage} renderKey={renderKey} />
      </Canvas>
      <LabelLayer layer={labelLayer} count={labelCount} />
      <div className="stage-hint">drag to rotate · scroll to zoom</div>
    </div>
  );
}

function Lights() {
  return (
    <>
      <hemisphereLight args={['#bcd3ff', '#1a1330', 0.9]} />
      <directionalLight position={[0.5, 4, 3.5]} intensity={2.2} />
      <directionalLight position={[2.5, -1.5, -3]} intensity={0.8} color="#7aa2ff" />
      <pointLight position={[0, 0, 0]} intensity={0.6} distance={3} color="#6d8cff" />
    </>
  );
}

/**
 * Transient subscription to the running optimisation: writes its prototypes into xyz in place and
 * asks for one frame. No React state changes, so no re-render per optimiser update.
 */
function LiveUpdater({
  xyz,
  version,
}: {
  readonly xyz: Float32Array;
  readonly version: RefObject<number>;
}) {
  const invalidate = useThree((s) => s.invalidate);
  useEffect(
    () =>
      liveStore.subscribe((live) => {
        if (!live.data || live.N * 3 !== xyz.length) return;
        const m = Math.min(live.n, 3);
        for (let i = 0; i < live.N; i++) {
          for (let k = 0; k < 3; k++) xyz[i * 3 + k] = k < m ? live.data[i * live.n + k] : 0;
        }
        version.current += 1;
        invalidate();
      }),
    [xyz, version, invalidate],
  );
  return null;
}

/** The sphere itself: translucent, so prototypes on the far side stay visible but dimmed. */
function UnitSphere() {
  return (
    <group>
      <mesh renderOrder={1}>
        <sphereGeometry args={[1, 96, 64]} />
        <meshPhysicalMaterial
          color="#2b3f6e"
          roughness={0.5}
          metalness={0.05}
          clearcoat={0.35}
          clearcoatRoughness={0.55}
          transparent
          opacity={0.62}
          depthWrite={false}
        />
      </mesh>
      {/* A faint halo just outside the surface gives the sphere a soft rim. */}
      <mesh scale={1.018} renderOrder={2}>
        <sphereGeometry args={[1, 64, 48]} />
        <meshBasicMaterial
          color="#3a5bb0"
          transparent
          opacity={0.08}
          blending={AdditiveBlending}
          depthWrite={false}
        />
      </mesh>
      <mesh>
        <sphereGeometry args={[0.018, 16, 12]} />
        <meshStandardMaterial color="#c8d4f0" />
      </mesh>
    </group>
  );
}

function Grid() {
  const positions = useMemo(() => sphereGrid(), []);
  return (
    <lineSegments renderOrder={3}>
      <bufferGeometry>
        <bufferAttribute attach="attributes-position" args={[positions, 3]} />
      </bufferGeometry>
      <lineBasicMaterial color="#8ea6dd" transparent opacity={0.16} depthWrite={false} />
    </lineSegments>
  );
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
