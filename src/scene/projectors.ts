import { stereographic } from '../core/geometry/stereographic.ts';
import { prototypeRgb, wRgb } from './palette.ts';
import type { Display, PointMap, Source } from './source.ts';

/**
 * How a view places prototypes: `map` sends a point of R^n (a prototype, or a sample of a
 * great-circle arc) into the scene; `fill` writes every prototype's marker centre and colour.
 */
export interface Projector {
  readonly map: PointMap;
  fill(source: Source, display: Display): void;
}

/** Points farther than this from the origin (near the pole of the projection) are not drawn. */
export const S3_FAR = 12;

function fillWith(map: PointMap, color: (i: number, display: Display) => void) {
  return (source: Source, display: Display) => {
    for (let i = 0; i < source.N; i++) {
      display.visible[i] = map(source.data, i * source.n, display.xyz, i * 3) ? 1 : 0;
      color(i, display);
    }
  };
}

const byIndex = (i: number, display: Display) => display.colors.set(prototypeRgb(i), i * 3);

/** S^2: the prototypes themselves; markers rest on the surface (centre at (1 + r) p). */
export function s2Projector(markerRadius: number): Projector {
  const lift =
    (s: number): PointMap =>
    (v, o, out, at) => {
      out[at] = v[o] * s;
      out[at + 1] = v[o + 1] * s;
      out[at + 2] = v[o + 2] * s;
      return true;
    };
  const markers = lift(1 + markerRadius);
  return {
    // Arcs float just above the translucent surface so it does not hide them.
    map: lift(1.004),
    fill: fillWith(markers, byIndex),
  };
}

/**
 * S^3: rotate by the view's 4D rotation (row-major 4 x 4), then project stereographically from
 * (0, 0, 0, 1) or orthographically (drop w). Colours follow the rotated w.
 */
export function s3Projector(rotation: ArrayLike<number>, mode: 'stereo' | 'ortho'): Projector {
  const q = new Float64Array(4);
  const s = new Float64Array(3);
  const rotate = (v: ArrayLike<number>, o: number) => {
    for (let r = 0; r < 4; r++) {
      q[r] =
        rotation[r * 4] * v[o] +
        rotation[r * 4 + 1] * v[o + 1] +
        rotation[r * 4 + 2] * v[o + 2] +
        rotation[r * 4 + 3] * v[o + 3];
    }
  };
  const map: PointMap = (v, o, out, at) => {
    rotate(v, o);
    if (mode === 'ortho') {
      out[at] = q[0];
      out[at + 1] = q[1];
      out[at + 2] = q[2];
      return true;
    }
    stereographic(q, 0, s);
    const far = !(Math.hypot(s[0], s[1], s[2]) <= S3_FAR);
    out[at] = far ? 0 : s[0];
    out[at + 1] = far ? 0 : s[1];
    out[at + 2] = far ? 0 : s[2];
    return !far;
  };
  return {
    map,
    fill(source, display) {
      for (let i = 0; i < source.N; i++) {
        display.visible[i] = map(source.data, i * 4, display.xyz, i * 3) ? 1 : 0;
        // map() left the rotated point in q: colour by its w.
        wRgb(q[3], display.colors, i * 3);
      }
    },
  };
}

/** Any n: coordinates along three axes (k = 3 rows of length n, row-major). */
export function linearProjector(axes: Float64Array, n: number): Projector {
  const map: PointMap = (v, o, out, at) => {
    for (let r = 0; r < 3; r++) {
      let d = 0;
      for (let c = 0; c < n; c++) d += v[o + c] * axes[r * n + c];
      out[at + r] = d;
    }
    return true;
  };
  return { map, fill: fillWith(map, byIndex) };
}
