import { useFrame, useThree } from '@react-three/fiber';
import { type RefObject, useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { type BufferAttribute, Color, type InstancedMesh, Matrix4 } from 'three';
import { prototypeColor } from './palette.ts';

/** Rays from the centre are drawn up to this many prototypes. */
const MAX_RAYS = 400;

/**
 * Tessellation of a marker: fine for a few prototypes, coarse for many (they are small on screen,
 * and 1000 finely tessellated spheres would cost millions of triangles a frame).
 */
export function markerSegments(N: number): [number, number] {
  if (N <= 60) return [32, 20];
  if (N <= 300) return [16, 12];
  return [10, 7];
}

/** World radius of a prototype's marker: smaller when there are many. */
export function markerRadius(N: number): number {
  return Math.min(0.065, Math.max(0.012, 0.16 / Math.sqrt(N)));
}

interface PrototypesProps {
  /** xyz triples; a live optimisation rewrites them in place and bumps `version`. */
  readonly xyz: Float32Array;
  readonly showRays: boolean;
  readonly version?: RefObject<number>;
}

/** The prototypes (xyz triples) as small shaded spheres in one instanced mesh, with rays from the centre. */
export function Prototypes({ xyz, showRays, version }: PrototypesProps) {
  const N = xyz.length / 3;
  const colors = useMemo(() => {
    const c = new Float32Array(N * 3);
    const tmp = new Color();
    for (let i = 0; i < N; i++) tmp.set(prototypeColor(i)).toArray(c, i * 3);
    return c;
  }, [N]);
  const radius = markerRadius(N);

  const mesh = useRef<InstancedMesh>(null);
  const rayPositions = useRef<BufferAttribute>(null);
  const applied = useRef(-1);
  const invalidate = useThree((s) => s.invalidate);

  /** Writes marker matrices (and ray ends) from xyz. */
  const apply = useCallback(() => {
    const m = mesh.current;
    if (!m) return;
    const matrix = new Matrix4();
    // Each marker rests on the surface at p (its centre at (1 + r) p), so the translucent sphere
    // does not cut it in half; the ray still ends at p itself.
    const s = 1 + radius;
    for (let i = 0; i < N; i++) {
      matrix.makeTranslation(xyz[i * 3] * s, xyz[i * 3 + 1] * s, xyz[i * 3 + 2] * s);
      m.setMatrixAt(i, matrix);
    }
    m.instanceMatrix.needsUpdate = true;
    m.computeBoundingSphere();
    const rays = rayPositions.current;
    if (rays) {
      const arr = rays.array as Float32Array;
      for (let i = 0; i < N; i++) arr.set(xyz.subarray(i * 3, i * 3 + 3), i * 6 + 3);
      rays.needsUpdate = true;
    }
  }, [xyz, N, radius]);

  useLayoutEffect(() => {
    const m = mesh.current;
    if (!m) return;
    const color = new Color();
    for (let i = 0; i < N; i++) m.setColorAt(i, color.fromArray(colors, i * 3));
    if (m.instanceColor) m.instanceColor.needsUpdate = true;
    apply();
    applied.current = version?.current ?? 0;
    invalidate();
  }, [apply, colors, N, invalidate, version]);

  // Live optimisation: xyz changed in place; re-apply once per rendered frame, not per update.
  useFrame(() => {
    const v = version?.current ?? 0;
    if (v !== applied.current) {
      applied.current = v;
      apply();
    }
  });

  // Rays: segment origin -> prototype, fading from the centre to the prototype's colour.
  const rays = useMemo(() => {
    const positions = new Float32Array(N * 6);
    const rayColors = new Float32Array(N * 6);
    for (let i = 0; i < N; i++) {
      positions.set(xyz.subarray(i * 3, i * 3 + 3), i * 6 + 3);
      rayColors.set([0.25, 0.3, 0.4], i * 6);
      rayColors.set(colors.subarray(i * 3, i * 3 + 3), i * 6 + 3);
    }
    return { positions, colors: rayColors };
  }, [xyz, colors, N]);

  return (
    <group>
      <instancedMesh key={N} ref={mesh} args={[undefined, undefined, N]}>
        <sphereGeometry args={[radius, ...markerSegments(N)]} />
        <meshStandardMaterial roughness={0.28} metalness={0.05} />
      </instancedMesh>
      {showRays && N <= MAX_RAYS && (
        <lineSegments key={`rays-${N}`}>
          <bufferGeometry>
            <bufferAttribute
              ref={rayPositions}
              attach="attributes-position"
              args={[rays.positions, 3]}
            />
            <bufferAttribute attach="attributes-color" args={[rays.colors, 3]} />
          </bufferGeometry>
          <lineBasicMaterial vertexColors transparent opacity={0.7} />
        </lineSegments>
      )}
    </group>
  );
}
