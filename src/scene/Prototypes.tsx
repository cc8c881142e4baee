import { useThree } from '@react-three/fiber';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { Color, type InstancedMesh, Matrix4 } from 'three';
import { prototypeColor } from './palette.ts';

/** Rays from the centre are drawn up to this many prototypes. */
const MAX_RAYS = 400;

/** World radius of a prototype's marker: smaller when there are many. */
export function markerRadius(N: number): number {
  return Math.min(0.065, Math.max(0.012, 0.16 / Math.sqrt(N)));
}

interface PrototypesProps {
  readonly xyz: Float32Array;
  readonly showRays: boolean;
}

/** The prototypes (xyz triples) as small shaded spheres in one instanced mesh, with rays from the centre. */
export function Prototypes({ xyz, showRays }: PrototypesProps) {
  const N = xyz.length / 3;
  const colors = useMemo(() => {
    const c = new Float32Array(N * 3);
    const tmp = new Color();
    for (let i = 0; i < N; i++) tmp.set(prototypeColor(i)).toArray(c, i * 3);
    return c;
  }, [N]);
  const radius = markerRadius(N);

  const mesh = useRef<InstancedMesh>(null);
  const invalidate = useThree((s) => s.invalidate);
  useLayoutEffect(() => {
    const m = mesh.current;
    if (!m) return;
    const matrix = new Matrix4();
    const color = new Color();
    for (let i = 0; i < N; i++) {
      // Each marker rests on the surface at p (its centre at (1 + r) p), so the translucent sphere
      // does not cut it in half; the ray still ends at p itself.
      const s = 1 + radius;
      matrix.makeTranslation(xyz[i * 3] * s, xyz[i * 3 + 1] * s, xyz[i * 3 + 2] * s);
      m.setMatrixAt(i, matrix);
      m.setColorAt(i, color.fromArray(colors, i * 3));
    }
    m.instanceMatrix.needsUpdate = true;
    if (m.instanceColor) m.instanceColor.needsUpdate = true;
    m.computeBoundingSphere();
    invalidate();
  }, [xyz, colors, N, radius, invalidate]);

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
        <sphereGeometry args={[radius, 32, 20]} />
        <meshStandardMaterial roughness={0.28} metalness={0.05} />
      </instancedMesh>
      {showRays && N <= MAX_RAYS && (
        <lineSegments key={`rays-${N}`}>
          <bufferGeometry>
            <bufferAttribute attach="attributes-position" args={[rays.positions, 3]} />
            <bufferAttribute attach="attributes-color" args={[rays.colors, 3]} />
          </bufferGeometry>
          <lineBasicMaterial vertexColors transparent opacity={0.7} />
        </lineSegments>
      )}
    </group>
  );
}
