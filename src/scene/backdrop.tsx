import { useMemo } from 'react';
import { AdditiveBlending } from 'three';
import { sphereGrid } from './geometry.ts';

export function Lights() {
  return (
    <>
      <hemisphereLight args={['#bcd3ff', '#1a1330', 0.9]} />
      <directionalLight position={[0.5, 4, 3.5]} intensity={2.2} />
      <directionalLight position={[2.5, -1.5, -3]} intensity={0.8} color="#7aa2ff" />
      <pointLight position={[0, 0, 0]} intensity={0.6} distance={3} color="#6d8cff" />
    </>
  );
}

/** The sphere itself: translucent, so prototypes on the far side stay visible but dimmed. */
export function UnitSphere({ opacity = 0.62 }: { readonly opacity?: number }) {
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
          opacity={opacity}
          depthWrite={false}
        />
      </mesh>
      {/* A faint halo just outside the surface gives the sphere a soft rim. */}
      <mesh scale={1.018} renderOrder={2}>
        <sphereGeometry args={[1, 64, 48]} />
        <meshBasicMaterial
          color="#3a5bb0"
          transparent
          opacity={0.08 * (opacity / 0.62)}
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

export function Grid({ opacity = 0.16 }: { readonly opacity?: number }) {
  const positions = useMemo(() => sphereGrid(), []);
  return (
    <lineSegments renderOrder={3}>
      <bufferGeometry>
        <bufferAttribute attach="attributes-position" args={[positions, 3]} />
      </bufferGeometry>
      <lineBasicMaterial color="#8ea6dd" transparent opacity={opacity} depthWrite={false} />
    </lineSegments>
  );
}
