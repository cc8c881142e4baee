import { useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import {
  BufferAttribute,
  BufferGeometry,
  Color,
  InstancedMesh,
  Matrix4,
  MeshStandardMaterial,
  Points,
  PointsMaterial,
  SphereGeometry,
} from 'three';
import type { StoreApi } from 'zustand/vanilla';
import type { TrainLive, TrainRun } from '../../state/trainStore.ts';
import { prototypeRgb } from '../palette.ts';
import type { PointMap } from '../source.ts';

/** Where a point that cannot be drawn (near the pole of the projection) goes: past the far plane. */
const HIDDEN = 1000;
/** Points sit just above the sphere's surface, so the translucent sphere does not cover them. */
const LIFT = 1.012;
const UNASSIGNED = new Color('#6b7690');

/** The class of each prototype (-1: no class uses it). */
function classOfPrototype(run: TrainRun): Int32Array {
  const { N } = run.input.prototypes;
  const out = new Int32Array(N).fill(-1);
  const K = run.classNames.length;
  for (let k = 0; k < K; k++) out[run.input.assignment ? run.input.assignment[k] : k] = k;
  return out;
}

/**
 * The test embeddings as one Points object. New embeddings arrive through a transient
 * subscription: the positions are rewritten in place and one frame is asked for.
 */
export function EmbeddingPoints({
  run,
  map,
  live,
}: {
  readonly run: TrainRun;
  readonly map: PointMap;
  readonly live: StoreApi<TrainLive>;
}) {
  const invalidate = useThree((s) => s.invalidate);
  const { count, labels } = run.input.test;
  const n = run.input.prototypes.n;
  const points = useMemo(() => {
    const geometry = new BufferGeometry();
    const positions = new Float32Array(count * 3).fill(HIDDEN);
    const colours = new Float32Array(count * 3);
    for (let i = 0; i < count; i++) colours.set(prototypeRgb(labels[i]), i * 3);
    geometry.setAttribute('position', new BufferAttribute(positions, 3));
    geometry.setAttribute('color', new BufferAttribute(colours, 3));
    const material = new PointsMaterial({
      // Pixels, whatever the zoom: a point is a data item, not an object in the scene.
      size: count > 2000 ? 3 : 5,
      vertexColors: true,
      sizeAttenuation: false,
      transparent: true,
      opacity: 0.9,
      depthWrite: false,
    });
    const obj = new Points(geometry, material);
    // The bounds change every update; culling would only cost a recomputation.
    obj.frustumCulled = false;
    obj.renderOrder = 4;
    return obj;
  }, [count, labels]);

  useEffect(() => {
    const position = points.geometry.getAttribute('position') as BufferAttribute;
    const xyz = position.array as Float32Array;
    const scale = n === 3 ? LIFT : 1;
    let shown: Float32Array | null = null;
    const draw = (state: TrainLive) => {
      const z = state.embeddings;
      if (!z || z === shown || z.length !== count * n) return;
      shown = z;
      for (let i = 0; i < count; i++) {
        if (map(z, i * n, xyz, i * 3)) {
          xyz[i * 3] *= scale;
          xyz[i * 3 + 1] *= scale;
          xyz[i * 3 + 2] *= scale;
        } else xyz.fill(HIDDEN, i * 3, i * 3 + 3);
      }
      position.needsUpdate = true;
      invalidate();
    };
    draw(live.getState());
    return live.subscribe(draw);
  }, [points, live, map, count, n, invalidate]);

  useEffect(
    () => () => {
      points.geometry.dispose();
      (points.material as PointsMaterial).dispose();
    },
    [points],
  );
  return <primitive object={points} />;
}

/** The prototypes, as spheres in their class's colour (grey: no class uses them). */
export function PrototypeMarkers({ run, map }: { readonly run: TrainRun; readonly map: PointMap }) {
  const { N, n, data } = run.input.prototypes;
  const mesh = useMemo(() => {
    const radius = Math.max(0.03, Math.min(0.07, 0.35 / Math.sqrt(N)));
    const m = new InstancedMesh(
      new SphereGeometry(radius, 20, 14),
      new MeshStandardMaterial({ roughness: 0.35, metalness: 0.1, emissiveIntensity: 0.2 }),
      N,
    );
    const classes = classOfPrototype(run);
    const at = new Float32Array(3);
    const matrix = new Matrix4();
    const colour = new Color();
    for (let i = 0; i < N; i++) {
      const ok = map(data, i * n, at, 0);
      const lift = n === 3 ? 1 + radius : 1;
      matrix.makeTranslation(
        ok ? at[0] * lift : HIDDEN,
        ok ? at[1] * lift : HIDDEN,
        ok ? at[2] * lift : HIDDEN,
      );
      m.setMatrixAt(i, matrix);
      const k = classes[i];
      m.setColorAt(i, k >= 0 ? colour.setRGB(...prototypeRgb(k)) : UNASSIGNED);
    }
    m.frustumCulled = false;
    m.renderOrder = 5;
    return m;
  }, [run, map, N, n, data]);
  useEffect(
    () => () => {
      mesh.geometry.dispose();
      (mesh.material as MeshStandardMaterial).dispose();
    },
    [mesh],
  );
  return <primitive object={mesh} />;
}
