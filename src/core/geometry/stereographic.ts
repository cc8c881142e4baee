/**
 * Stereographic projection of S^3 from the north pole e_w = (0, 0, 0, 1) to R^3:
 * (x, y, z, w) -> (x, y, z) / (1 - w). It is conformal and maps every 2-sphere and great circle of
 * S^3 to a sphere or circle of R^3 (a plane or line when it passes through the pole). To move the
 * pole, rotate the points first (rotation4.ts: rotationToPole).
 */

/** Projects (x, y, z, w) read from v at offset; a point at the pole goes to infinity. */
export function stereographic(
  v: ArrayLike<number>,
  offset = 0,
  out: Float64Array = new Float64Array(3),
): Float64Array {
  const d = 1 - v[offset + 3];
  const inv = 1 / d;
  out[0] = v[offset] * inv;
  out[1] = v[offset + 1] * inv;
  out[2] = v[offset + 2] * inv;
  return out;
}

/** Inverse map R^3 -> S^3: p -> (2p, |p|^2 - 1) / (|p|^2 + 1). */
export function inverseStereographic(p: ArrayLike<number>): Float64Array {
  const r2 = p[0] * p[0] + p[1] * p[1] + p[2] * p[2];
  const inv = 1 / (r2 + 1);
  return Float64Array.of(2 * p[0] * inv, 2 * p[1] * inv, 2 * p[2] * inv, (r2 - 1) * inv);
}

export type CircleImage =
  | {
      readonly kind: 'circle';
      readonly centre: readonly [number, number, number];
      readonly radius: number;
      /** Unit normal of the circle's plane. */
      readonly normal: readonly [number, number, number];
    }
  | {
      readonly kind: 'line';
      readonly point: readonly [number, number, number];
      readonly direction: readonly [number, number, number];
    };

type V3 = [number, number, number];
const sub = (a: V3, b: V3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const dot = (a: V3, b: V3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: V3, b: V3): V3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];

/**
 * The exact image of the great circle {cos t a + sin t b} (a, b orthonormal in R^4) under the
 * projection: the circle through the images of three of its points, or the line when the great
 * circle passes through the pole (its plane contains e_w).
 */
export function greatCircleImage(a: ArrayLike<number>, b: ArrayLike<number>): CircleImage {
  // The plane of a and b contains e_w exactly when e_w's component outside it vanishes.
  const inPlane = a[3] * a[3] + b[3] * b[3];
  if (inPlane > 1 - 1e-12) {
    // Through the pole: the image is the line through the images of the two points orthogonal
    // (within the circle) to the pole direction.
    const s = Math.sqrt(inPlane);
    const pa = a[3] / s;
    const pb = b[3] / s;
    // q is the point of the circle opposite the pole, r the one 90 degrees from it.
    const q = [0, 1, 2, 3].map((k) => -(pa * a[k] + pb * b[k]));
    const r = [0, 1, 2, 3].map((k) => -pb * a[k] + pa * b[k]);
    const P = Array.from(stereographic(q)) as V3;
    const R = Array.from(stereographic(r)) as V3;
    const d = sub(R, P);
    const len = Math.hypot(...d);
    return { kind: 'line', point: P, direction: [d[0] / len, d[1] / len, d[2] / len] };
  }
  const pt = (t: number) =>
    Array.from(
      stereographic([0, 1, 2, 3].map((k) => Math.cos(t) * a[k] + Math.sin(t) * b[k])),
    ) as V3;
  const A = pt(0);
  const B = pt((2 * Math.PI) / 3);
  const C = pt((4 * Math.PI) / 3);
  // Circumcentre of triangle ABC.
  const u = sub(B, A);
  const v = sub(C, A);
  const w = cross(u, v);
  const w2 = dot(w, w);
  const k1 = cross(w, u);
  const k2 = cross(v, w);
  const uu = dot(u, u);
  const vv = dot(v, v);
  const off: V3 = [0, 1, 2].map((k) => (uu * k2[k] + vv * k1[k]) / (2 * w2)) as V3;
  const centre: V3 = [A[0] + off[0], A[1] + off[1], A[2] + off[2]];
  const wl = Math.sqrt(w2);
  return {
    kind: 'circle',
    centre,
    radius: Math.hypot(...off),
    normal: [w[0] / wl, w[1] / wl, w[2] / wl],
  };
}
