/** Points along great-circle arcs of S^{n-1}, for drawing them through any projection. */

/**
 * `segments + 1` points of the shorter great-circle arc from a to b (unit n-vectors), written
 * row-major into `out` (length (segments + 1) * n). Antipodal or equal ends give a straight
 * interpolation (the arc is not defined by its ends then).
 */
export function sampleArc(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  n: number,
  segments: number,
  out: Float64Array = new Float64Array((segments + 1) * n),
): Float64Array {
  let d = 0;
  for (let k = 0; k < n; k++) d += a[k] * b[k];
  d = Math.max(-1, Math.min(1, d));
  const theta = Math.acos(d);
  const s = Math.sin(theta);
  for (let t = 0; t <= segments; t++) {
    const f = t / segments;
    let ca: number;
    let cb: number;
    if (s < 1e-9) {
      ca = 1 - f;
      cb = f;
    } else {
      ca = Math.sin((1 - f) * theta) / s;
      cb = Math.sin(f * theta) / s;
    }
    for (let k = 0; k < n; k++) out[t * n + k] = ca * a[k] + cb * b[k];
  }
  return out;
}

/** How many pieces an arc of `angle` radians needs to look round (at least 1). */
export function arcSegments(angle: number, perRadian = 24): number {
  return Math.max(1, Math.ceil(Math.abs(angle) * perRadian));
}

/** Angle (radians) between unit vectors. */
export function angleBetween(a: ArrayLike<number>, b: ArrayLike<number>, n: number): number {
  let d = 0;
  for (let k = 0; k < n; k++) d += a[k] * b[k];
  return Math.acos(Math.max(-1, Math.min(1, d)));
}
