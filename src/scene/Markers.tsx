import { type ThreeEvent, useFrame, useThree } from '@react-three/fiber';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { type BufferAttribute, Color, type InstancedMesh, Matrix4 } from 'three';
import type { Display } from './source.ts';

/** Rays from the centre are drawn up to this many prototypes. */
export const MAX_RAYS = 400;

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

interface MarkersProps {
  readonly display: Display;
  readonly radius: number;
  /** Draw rays from the centre, ending at the marker centre divided by this. */
  readonly rayScale: number | null;
  onHover(i: number | null, event: ThreeEvent<PointerEvent> | null): void;
  onSelect(i: number): void;
}

const HIDDEN = new Matrix4().makeScale(0, 0, 0);

/**
 * The prototypes as small shaded spheres in one instanced mesh (one draw call for any N), with
 * rays from the centre. Follows `display` once per rendered frame, never per optimiser update.
 */
export function Markers({ display, radius, rayScale, onHover, onSelect }: MarkersProps) {
  const N = display.visible.length;
  const mesh = useRef<InstancedMesh>(null);
  const rayPositions = useRef<BufferAttribute>(null);
  const rayColors = useRef<BufferAttribute>(null);
  const applied = useRef(-1);
  const invalidate = useThree((s) => s.invalidate);
  const showRays = rayScale !== null && N <= MAX_RAYS;
  const rays = useMemo(
    () => ({ positions: new Float32Array(N * 6), colors: new Float32Array(N * 6) }),
    [N],
  );

  const apply = () => {
    const m = mesh.current;
    if (!m) return;
    const matrix = new Matrix4();
    const color = new Color();
    const { xyz, colors, visible } = display;
    for (let i = 0; i < N; i++) {
      if (visible[i]) matrix.makeTranslation(xyz[i * 3], xyz[i * 3 + 1], xyz[i * 3 + 2]);
      m.setMatrixAt(i, visible[i] ? matrix : HIDDEN);
      m.setColorAt(i, color.fromArray(colors, i * 3));
    }
    m.instanceMatrix.needsUpdate = true;
    if (m.instanceColor) m.instanceColor.needsUpdate = true;
    m.computeBoundingSphere();
    const rp = rayPositions.current;
    const rc = rayColors.current;
    if (rp && rc && rayScale !== null) {
      const pos = rp.array as Float32Array;
      const col = rc.array as Float32Array;
      for (let i = 0; i < N; i++) {
        for (let k = 0; k < 3; k++) {
          pos[i * 6 + 3 + k] = visible[i] ? xyz[i * 3 + k] / rayScale : 0;
          col[i * 6 + k] = [0.25, 0.3, 0.4][k];
          col[i * 6 + 3 + k] = colors[i * 3 + k];
        }
      }
      rp.needsUpdate = true;
      rc.needsUpdate = true;
    }
  };

  // A new mesh (or rays switched on): write everything now.
  // biome-ignore lint/correctness/useExhaustiveDependencies: apply reads refs; N and showRays are the triggers
  useLayoutEffect(() => {
    apply();
    applied.current = display.version;
    invalidate();
  }, [display, N, showRays, radius, invalidate]);

  // Live optimisation or a turned view: the display changed in place; re-apply once per frame.
  useFrame(() => {
    if (display.version !== applied.current) {
      applied.current = display.version;
      apply();
    }
  });

  const hit = (e: ThreeEvent<PointerEvent>) => {
    e.stopPropagation();
    onHover(e.instanceId ?? null, e);
  };

  return (
    <group>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a three.js mesh, not a DOM element (r3f pointer events) */}
      <instancedMesh
        key={`${N}-${radius}`}
        ref={mesh}
        args={[undefined, undefined, N]}
        onPointerMove={hit}
        onPointerOut={() => onHover(null, null)}
        onClick={(e) => {
          e.stopPropagation();
          if (e.instanceId !== undefined) onSelect(e.instanceId);
        }}
      >
        <sphereGeometry args={[radius, ...markerSegments(N)]} />
        <meshStandardMaterial roughness={0.28} metalness={0.05} />
      </instancedMesh>
      {showRays && (
        <lineSegments key={`rays-${N}`}>
          <bufferGeometry>
            <bufferAttribute
              ref={rayPositions}
              attach="attributes-position"
              args={[rays.positions, 3]}
            />
            <bufferAttribute ref={rayColors} attach="attributes-color" args={[rays.colors, 3]} />
          </bufferGeometry>
          <lineBasicMaterial vertexColors transparent opacity={0.7} />
        </lineSegments>
      )}
    </group>
  );
}
