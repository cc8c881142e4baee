/**
 * Rotations of R^4 as 4 x 4 matrices (row-major Float64Array(16)). A view keeps ONE matrix and
 * composes plane rotations into it, instead of storing angles: angles in different planes do not
 * commute, so a list of angles would not say which rotation the user actually made.
 */
export type Mat4 = Float64Array;

/** Coordinate planes of R^4 by their axes (0 = x, 1 = y, 2 = z, 3 = w). */
export const PLANES = {
  xy: [0, 1],
  xz: [0, 2],
  yz: [1, 2],
  xw: [0, 3],
  yw: [1, 3],
  zw: [2, 3],
} as const;
export type PlaneName = keyof typeof PLANES;

export function identity4(): Mat4 {
  const m = new Float64Array(16);
  for (let i = 0; i < 4; i++) m[i * 5] = 1;
  return m;
}

/** The Givens rotation by `angle` (radians) in the plane of axes i and j: e_i turns towards e_j. */
export function givens(i: number, j: number, angle: number): Mat4 {
  const m = identity4();
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  m[i * 4 + i] = c;
  m[j * 4 + j] = c;
  m[j * 4 + i] = s;
  m[i * 4 + j] = -s;
  return m;
}

/** a * b. */
export function multiply4(a: Mat4, b: Mat4): Mat4 {
  const out = new Float64Array(16);
  for (let r = 0; r < 4; r++) {
    for (let c = 0; c < 4; c++) {
      let s = 0;
      for (let k = 0; k < 4; k++) s += a[r * 4 + k] * b[k * 4 + c];
      out[r * 4 + c] = s;
    }
  }
  return out;
}

export function transpose4(a: Mat4): Mat4 {
  const out = new Float64Array(16);
  for (let r = 0; r < 4; r++) for (let c = 0; c < 4; c++) out[c * 4 + r] = a[r * 4 + c];
  return out;
}

/**
 * Gram-Schmidt on the rows: many small rotations multiplied together drift away from
 * orthogonality by rounding; this pulls the matrix back (and keeps det = +1).
 */
export function orthonormalize4(a: Mat4): Mat4 {
  const m = Float64Array.from(a);
  for (let r = 0; r < 4; r++) {
    for (let q = 0; q < r; q++) {
      let d = 0;
      for (let k = 0; k < 4; k++) d += m[r * 4 + k] * m[q * 4 + k];
      for (let k = 0; k < 4; k++) m[r * 4 + k] -= d * m[q * 4 + k];
    }
    let s = 0;
    for (let k = 0; k < 4; k++) s += m[r * 4 + k] ** 2;
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let k = 0; k < 4; k++) m[r * 4 + k] *= inv;
  }
  return m;
}

/** Applies the plane rotation after `m` (in the viewer's frame) and re-orthonormalises. */
export function rotateInPlane(m: Mat4, plane: PlaneName, angle: number): Mat4 {
  const [i, j] = PLANES[plane];
  return orthonormalize4(multiply4(givens(i, j, angle), m));
}

export function det4(a: Mat4): number {
  // Laplace expansion along the first row with 3 x 3 minors.
  const minor = (col: number) => {
    const rows = [1, 2, 3];
    const cols = [0, 1, 2, 3].filter((c) => c !== col);
    const e = (r: number, c: number) => a[rows[r] * 4 + cols[c]];
    return (
      e(0, 0) * (e(1, 1) * e(2, 2) - e(1, 2) * e(2, 1)) -
      e(0, 1) * (e(1, 0) * e(2, 2) - e(1, 2) * e(2, 0)) +
      e(0, 2) * (e(1, 0) * e(2, 1) - e(1, 1) * e(2, 0))
    );
  };
  let d = 0;
  for (let c = 0; c < 4; c++) d += (c % 2 === 0 ? 1 : -1) * a[c] * minor(c);
  return d;
}

/** out = m * v for a 4-vector v (read from `v` at `offset`). */
export function apply4(
  m: Mat4,
  v: ArrayLike<number>,
  offset = 0,
  out: Float64Array = new Float64Array(4),
): Float64Array {
  const x = v[offset];
  const y = v[offset + 1];
  const z = v[offset + 2];
  const w = v[offset + 3];
  for (let r = 0; r < 4; r++) {
    out[r] = m[r * 4] * x + m[r * 4 + 1] * y + m[r * 4 + 2] * z + m[r * 4 + 3] * w;
  }
  return out;
}

/**
 * A rotation taking the unit vector p to the north pole e_w = (0, 0, 0, 1): the rotation in the
 * plane of p and e_w (the identity when p = e_w; a half turn in the xw plane when p = -e_w).
 */
export function rotationToPole(p: ArrayLike<number>): Mat4 {
  const norm = Math.hypot(p[0], p[1], p[2], p[3]);
  if (!(norm > 0)) throw new RangeError('the pole must be a non-zero 4-vector');
  const u = [p[0] / norm, p[1] / norm, p[2] / norm, p[3] / norm];
  const c = u[3];
  // v: the unit vector of e_w orthogonal to u.
  const v = [-c * u[0], -c * u[1], -c * u[2], 1 - c * u[3]];
  const vn = Math.hypot(v[0], v[1], v[2], v[3]);
  if (vn < 1e-12) return c > 0 ? identity4() : givens(0, 3, Math.PI);
  for (let k = 0; k < 4; k++) v[k] /= vn;
  const s = Math.sqrt(Math.max(0, 1 - c * c));
  // R = I + (c - 1)(u u^T + v v^T) + s (v u^T - u v^T): turns u to c u + s v = e_w.
  const m = identity4();
  for (let r = 0; r < 4; r++) {
    for (let q = 0; q < 4; q++) {
      m[r * 4 + q] += (c - 1) * (u[r] * u[q] + v[r] * v[q]) + s * (v[r] * u[q] - u[r] * v[q]);
    }
  }
  return orthonormalize4(m);
}
