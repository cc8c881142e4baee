import { OrbitControls } from '@react-three/drei';
import { Canvas, useFrame, useThree } from '@react-three/fiber';
import { type RefObject, useEffect, useMemo, useRef } from 'react';
import { useTrain, useTrainLive } from '../../state/labContext.ts';
import type { TrainRun } from '../../state/trainStore.ts';
import { Lights, UnitSphere } from '../backdrop.tsx';
import { prototypeColor } from '../palette.ts';
import { skipShaderChecks } from '../shaderChecks.ts';
import { EmbeddingPoints, PrototypeMarkers } from './EmbeddingPoints.tsx';
import { embeddingMap, embeddingView } from './embeddingMap.ts';

const BACKGROUND = '#0a0e17';
const CAPTION = {
  s1: 'S¹: the embeddings on the circle',
  s2: 'S²: the embeddings on the sphere',
  s3: 'S³, stereographic projection',
  proj: 'projection onto the prototypes’ top three principal axes',
} as const;

/**
 * The test images' embeddings as points coloured by true class, with the prototypes as larger
 * markers, moving as training proceeds. Renders on demand: a frame per update, never a loop (a
 * continuously drawing canvas would halve the training speed on a machine without a GPU).
 */
export function EmbeddingScene() {
  const run = useTrain((s) => s.run);
  const stage = useRef<HTMLDivElement>(null);
  if (!run) return null;
  const { N, n } = run.input.prototypes;
  const view = embeddingView(n);
  return (
    <figure className="train-embedding-figure">
      <div className="train-embedding" ref={stage} data-testid="train-embedding" data-view={view}>
        <Canvas
          frameloop="demand"
          dpr={[1, 2]}
          camera={{ position: [-2.2, 1.6, 2.3], fov: 38, near: 0.05, far: 80 }}
          gl={{ antialias: true }}
          onCreated={skipShaderChecks}
        >
          <color attach="background" args={[BACKGROUND]} />
          <Lights />
          <UnitSphere opacity={view === 's2' ? 0.3 : 0.1} />
          <RunContents run={run} />
          <OrbitControls makeDefault enablePan={false} minDistance={1.2} maxDistance={30} />
          <Probe stage={stage} />
        </Canvas>
      </div>
      <figcaption className="hint">
        {CAPTION[view]} · {run.input.test.count.toLocaleString('en-US')} test images, {N} prototypes
        in R<sup>{n}</sup>
        <span className="train-legend">
          {run.classNames.map((name, k) => (
            <span key={name}>
              <i style={{ background: prototypeColor(k) }} />
              {name}
            </span>
          ))}
        </span>
      </figcaption>
    </figure>
  );
}

function RunContents({ run }: { readonly run: TrainRun }) {
  const { N, n, data } = run.input.prototypes;
  const map = useMemo(() => embeddingMap(data, N, n), [data, N, n]);
  return (
    <>
      <PrototypeMarkers run={run} map={map} />
      <EmbeddingPoints run={run} map={map} live={useTrainLive()} />
    </>
  );
}

/**
 * Marks the stage with the frames drawn and the embeddings version shown, so tests can tell
 * when the canvas shows the newest embeddings.
 */
function Probe({ stage }: { readonly stage: RefObject<HTMLDivElement | null> }) {
  const frames = useRef(0);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => invalidate(), [invalidate]);
  useFrame(() => {
    const el = stage.current;
    if (!el) return;
    frames.current += 1;
    el.dataset.frames = String(frames.current);
  });
  return null;
}
