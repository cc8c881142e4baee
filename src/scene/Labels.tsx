import { useFrame, useThree } from '@react-three/fiber';
import type { RefObject } from 'react';
import { PerspectiveCamera, Vector3 } from 'three';
import { prototypeTextColor } from './palette.ts';
import type { Display } from './source.ts';

/** More labels than this would only clutter the view (level of detail). */
export const MAX_LABELS = 64;
/** Screen gap (px) between a prototype's marker and its label, away from the centre. */
const LABEL_GAP = 14;

/** The labels (class names or indices): plain DOM over the canvas, positioned by `LabelTracker`. */
export function LabelLayer({
  layer,
  count,
  names,
}: {
  readonly layer: RefObject<HTMLDivElement | null>;
  readonly count: number;
  readonly names: readonly string[] | null;
}) {
  const labels = [];
  for (let i = 0; i < count; i++) {
    labels.push(
      <span key={i} className="proto-label" data-index={i} style={{ color: prototypeTextColor(i) }}>
        {names ? names[i] : i}
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
 * Inside the canvas: after every rendered frame's camera update, moves label i next to marker i,
 * pushed outwards from the centre of the view. On the sphere (S^2) labels of prototypes on the
 * far side are dimmed; elsewhere labels of hidden markers are hidden.
 */
export function LabelTracker({
  layer,
  display,
  radius,
  sphere,
}: {
  readonly layer: RefObject<HTMLDivElement | null>;
  readonly display: Display;
  readonly radius: number;
  /** S^2: the markers sit at (1 + radius) p on the unit sphere. */
  readonly sphere: boolean;
}) {
  const v = new Vector3();
  useThree((s) => s.invalidate);
  useFrame(({ camera, size }) => {
    const el = layer.current;
    if (!el) return;
    const toScreen = (x: number, y: number, z: number): [number, number] => {
      v.set(x, y, z).project(camera);
      return [((v.x + 1) / 2) * size.width, ((1 - v.y) / 2) * size.height];
    };
    const [ox, oy] = toScreen(0, 0, 0);
    const c = camera.position;
    const pxPerUnit =
      camera instanceof PerspectiveCamera
        ? size.height / (2 * Math.tan((camera.fov * Math.PI) / 360) * c.length())
        : 100;
    const offset = radius * pxPerUnit + LABEL_GAP;
    const { xyz, visible } = display;
    const children = el.children;
    for (let i = 0; i < children.length && i < visible.length; i++) {
      const label = children[i] as HTMLElement;
      const x = xyz[i * 3];
      const y = xyz[i * 3 + 1];
      const z = xyz[i * 3 + 2];
      const [px, py] = toScreen(x, y, z);
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
      const s = 1 / (1 + radius);
      const facing = !sphere || (x * c.x + y * c.y + z * c.z) * s > 1;
      label.style.transform = `translate(${lx.toFixed(1)}px, ${ly.toFixed(1)}px) translate(-50%, -50%)`;
      label.style.opacity = facing ? '1' : '0.55';
      label.style.zIndex = facing ? '2' : '1';
      label.style.visibility = visible[i] ? 'visible' : 'hidden';
    }
  });
  return null;
}
