import { useFrame, useThree } from '@react-three/fiber';
import { type RefObject, useEffect } from 'react';
import { PerspectiveCamera, Vector3 } from 'three';
import { markerRadius } from './Prototypes.tsx';
import { prototypeColor } from './palette.ts';

/** More labels than this would only clutter the sphere. */
export const MAX_LABELS = 64;
/** Screen gap (px) between a prototype's marker and its label, away from the sphere's centre. */
const LABEL_GAP = 14;

/** The index labels: plain DOM over the canvas (outside it), positioned by `LabelTracker`. */
export function LabelLayer({
  layer,
  count,
}: {
  readonly layer: RefObject<HTMLDivElement | null>;
  readonly count: number;
}) {
  const labels = [];
  for (let i = 0; i < count; i++) {
    labels.push(
      <span key={i} className="proto-label" style={{ color: prototypeColor(i) }}>
        {i}
      </span>,
    );
  }
  return (
    <div className="label-layer" ref={layer} aria-hidden="true">
      {labels}
    </div>
  );
}

/**
 * Inside the canvas: after every rendered frame's camera update, moves label i to the screen
 * position of prototype i and dims the labels of prototypes on the far side of the sphere.
 */
export function LabelTracker({
  layer,
  xyz,
}: {
  readonly layer: RefObject<HTMLDivElement | null>;
  readonly xyz: Float32Array;
}) {
  const invalidate = useThree((s) => s.invalidate);
  // The labels are (re)created by React DOM; draw a frame so they get placed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: xyz is the trigger, not an input
  useEffect(() => {
    invalidate();
  }, [xyz, invalidate]);

  useFrame(({ camera, size }) => {
    const el = layer.current;
    if (!el) return;
    const v = new Vector3();
    const toScreen = (x: number, y: number, z: number): [number, number] => {
      v.set(x, y, z).project(camera);
      return [((v.x + 1) / 2) * size.width, ((1 - v.y) / 2) * size.height];
    };
    const [ox, oy] = toScreen(0, 0, 0);
    const c = camera.position;
    const r = markerRadius(xyz.length / 3);
    // Pixels per world unit at the sphere's distance (for the marker's size on screen).
    const pxPerUnit =
      camera instanceof PerspectiveCamera
        ? size.height / (2 * Math.tan((camera.fov * Math.PI) / 360) * c.length())
        : 100;
    const offset = r * pxPerUnit + LABEL_GAP;
    const children = el.children;
    for (let i = 0; i < children.length && i * 3 < xyz.length; i++) {
      const label = children[i] as HTMLElement;
      const x = xyz[i * 3];
      const y = xyz[i * 3 + 1];
      const z = xyz[i * 3 + 2];
      // Push the label outwards on screen, along the direction from the centre to the prototype.
      const [px, py] = toScreen(x * (1 + r), y * (1 + r), z * (1 + r));
      let dx = px - ox;
      let dy = py - oy;
      const len = Math.hypot(dx, dy);
      if (len < 4) {
        dx = Math.SQRT1_2;
        dy = -Math.SQRT1_2;
      } else {
        dx /= len;
        dy /= len;
      }
      const lx = px + dx * offset;
      const ly = py + dy * offset;
      // A point p on the unit sphere faces a camera at c exactly when <p, c> > 1.
      const facing = x * c.x + y * c.y + z * c.z > 1;
      label.style.transform = `translate(${lx.toFixed(1)}px, ${ly.toFixed(1)}px) translate(-50%, -50%)`;
      label.style.opacity = facing ? '1' : '0.55';
      label.style.zIndex = facing ? '2' : '1';
      label.style.visibility = 'visible';
    }
  });
  return null;
}
