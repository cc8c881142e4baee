/**
 * Spherical Voronoi cells on S^2: the cell of prototype i is where nearest-prototype decoding
 * answers i, {x : <x, p_i> >= <x, p_j> for all j}, an intersection of hemispheres
 * {x : <x, p_i - p_j> >= 0}. Each cell is clipped out of a hemisphere one half-space at a time
 * (Sutherland-Hodgman on the sphere), O(N) clips a cell, O(N^2) in all: fine for the N the
 * explorer draws cells for (see the level-of-detail limit in the scene).
 */

type V3 = [number, number, number];

export interface SphericalCell {
  /** Vertices on the unit sphere, in order around the cell (empty when the cell is a point). */
  readonly vertices: readonly V3[];
}

const dot = (a: V3, b: V3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
function normalize(a: V3): V3 {
  const l = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
  return [a[0] / l, a[1] / l, a[2] / l];
}
function cross(a: V3, b: V3): V3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

/** The hemisphere {<x, h> >= 0} as a 4-gon whose vertices lie on its boundary great circle. */
function hemisphere(h: V3): V3[] {
  const t = Math.abs(h[0]) < 0.9 ? ([1, 0, 0] as V3) : ([0, 1, 0] as V3);
  const u = normalize(cross(h, t));
  const v = cross(h, u);
  return [u, v, [-u[0], -u[1], -u[2]], [-v[0], -v[1], -v[2]]];
}

const EPS = 1e-12;

/**
 * Keeps the part of a convex spherical polygon where <x, h> >= 0. `applied` are the half-spaces
 * cut so far (h included): they decide on which side a half-circle edge runs (see below).
 */
function clip(poly: V3[], h: V3, applied: readonly V3[]): V3[] {
  // Most half-spaces miss the cell altogether: keep it as it is, without copying.
  let inside = true;
  for (const v of poly) {
    if (dot(v, h) < -EPS) {
      inside = false;
      break;
    }
  }
  if (inside) return poly;
  const out: V3[] = [];
  for (let k = 0; k < poly.length; k++) {
    const a = poly[k];
    const b = poly[(k + 1) % poly.length];
    const da = dot(a, h);
    const db = dot(b, h);
    if (da >= -EPS) out.push(a);
    if ((da > EPS && db < -EPS) || (da < -EPS && db > EPS)) {
      // The crossing point: a positive combination of a and b, so it lies on the shorter arc.
      const w = Math.abs(db) / (Math.abs(da) + Math.abs(db));
      out.push(
        normalize([
          a[0] * w + b[0] * (1 - w),
          a[1] * w + b[1] * (1 - w),
          a[2] * w + b[2] * (1 - w),
        ]),
      );
    }
  }
  // Drop repeated vertices (a vertex on the clipping circle can be pushed twice).
  const clean: V3[] = [];
  for (const p of out) {
    const last = clean[clean.length - 1];
    if (!last || Math.hypot(p[0] - last[0], p[1] - last[1], p[2] - last[2]) > 1e-9) clean.push(p);
  }
  while (clean.length > 1) {
    const f = clean[0];
    const l = clean[clean.length - 1];
    if (Math.hypot(f[0] - l[0], f[1] - l[1], f[2] - l[2]) > 1e-9) break;
    clean.pop();
  }
  // Cutting a hemisphere leaves a lune whose new edge joins two antipodal points: the arc between
  // them is not defined by its ends. Insert its midpoint, the point of the circle <x, h> = 0 at 90
  // degrees from both ends, on the side that keeps every half-space cut so far.
  for (let k = 0; k < clean.length; k++) {
    const a = clean[k];
    const b = clean[(k + 1) % clean.length];
    if (dot(a, b) > -1 + 1e-9) continue;
    const m = normalize(cross(h, a));
    const worst = (q: V3) => Math.min(...applied.map((g) => dot(q, g)));
    const neg: V3 = [-m[0], -m[1], -m[2]];
    clean.splice(k + 1, 0, worst(m) >= worst(neg) ? m : neg);
    k++;
  }
  return clean;
}

/**
 * The Voronoi cell of every point (unit vectors, row-major N x 3). Each cell is cut first by the
 * prototypes within a small angle of its own; then only prototypes closer than twice the cell's
 * radius can still cut it (a bisector farther out misses the cell), so most of the N - 1
 * candidates cost one comparison.
 */
export function sphericalVoronoi(xyz: ArrayLike<number>, N: number): SphericalCell[] {
  const cells: SphericalCell[] = [];
  const cosines = new Float64Array(N);
  // About the angle to a cell's farthest neighbours when N points spread evenly.
  const nearCos = Math.cos(Math.min(Math.PI, 3.5 * Math.sqrt((4 * Math.PI) / Math.max(N, 1))));
  for (let i = 0; i < N; i++) {
    const px = xyz[i * 3];
    const py = xyz[i * 3 + 1];
    const pz = xyz[i * 3 + 2];
    for (let j = 0; j < N; j++)
      cosines[j] = px * xyz[j * 3] + py * xyz[j * 3 + 1] + pz * xyz[j * 3 + 2];
    let poly: V3[] | null = null;
    const applied: V3[] = [];
    const used = new Uint8Array(N);
    const cut = (j: number): boolean => {
      used[j] = 1;
      const hx = px - xyz[j * 3];
      const hy = py - xyz[j * 3 + 1];
      const hz = pz - xyz[j * 3 + 2];
      const len = Math.sqrt(hx * hx + hy * hy + hz * hz);
      if (len < 1e-12) return true; // a duplicate: no border between them
      if (poly) {
        // Most half-spaces miss the cell altogether: test before building anything.
        let cuts = false;
        for (const v of poly) {
          if ((v[0] * hx + v[1] * hy + v[2] * hz) / len < -EPS) {
            cuts = true;
            break;
          }
        }
        if (!cuts) return true;
      }
      const h: V3 = [hx / len, hy / len, hz / len];
      applied.push(h);
      poly = poly ? clip(poly, h, applied) : hemisphere(h);
      return poly.length >= 3;
    };
    let alive = true;
    for (let j = 0; j < N && alive; j++) if (j !== i && cosines[j] >= nearCos) alive = cut(j);
    // The cell's radius: the largest angle from p_i to a vertex (valid below 90 degrees).
    let minCos = 1;
    for (const v of poly ?? []) minCos = Math.min(minCos, v[0] * px + v[1] * py + v[2] * pz);
    const bounded = poly !== null && minCos > 1e-9;
    // cos(2R) = 2 cos^2 R - 1: prototypes beyond 2R cannot cut the cell.
    const farCos = bounded ? 2 * minCos * minCos - 1 : -Infinity;
    for (let j = 0; j < N && alive; j++) {
      if (j !== i && !used[j] && cosines[j] >= farCos - 1e-12) alive = cut(j);
    }
    const done = poly as V3[] | null;
    cells.push({ vertices: alive && done && done.length >= 3 ? corners(done) : [] });
  }
  return cells;
}

/**
 * Drops vertices where the border goes straight on (left from the hemisphere start or from
 * several prototypes meeting at one point), unless that would join two antipodal points.
 */
function corners(poly: V3[]): V3[] {
  const out = poly.slice();
  for (let k = 0; k < out.length && out.length > 3; ) {
    const prev = out[(k + out.length - 1) % out.length];
    const next = out[(k + 1) % out.length];
    const straight = Math.abs(dot(cross(prev, out[k]), next)) < 1e-10;
    if (straight && dot(prev, next) > -1 + 1e-9 && dot(prev, out[k]) > -1e-9) out.splice(k, 1);
    else k++;
  }
  return out;
}

/** Area of a convex spherical polygon (Girard: the sum of its angles minus (V - 2) pi). */
export function sphericalPolygonArea(vertices: readonly V3[]): number {
  const V = vertices.length;
  if (V < 3) return 0;
  let sum = 0;
  for (let k = 0; k < V; k++) {
    const prev = vertices[(k + V - 1) % V];
    const v = vertices[k];
    const next = vertices[(k + 1) % V];
    // Tangent directions at v towards prev and next: the normals of the two great circles.
    const a = normalize(cross(cross(v, prev), v));
    const b = normalize(cross(cross(v, next), v));
    sum += Math.acos(Math.max(-1, Math.min(1, dot(a, b))));
  }
  return sum - (V - 2) * Math.PI;
}
