import type { Codebook } from '../core/math/codebook.ts';

/**
 * The first three coordinates of every prototype as a flat xyz array (missing coordinates are 0).
 * For n = 3 this is the codebook itself.
 */
export function toXyz(codebook: Codebook): Float32Array {
  const { N, n, data } = codebook;
  const out = new Float32Array(N * 3);
  const m = Math.min(n, 3);
  for (let i = 0; i < N; i++) {
    for (let k = 0; k < m; k++) out[i * 3 + k] = data[i * n + k];
  }
  return out;
}

/**
 * Line segments of a latitude/longitude grid on the unit sphere: `parallels` circles of latitude
 * (equator included) and `meridians` half-circles, each drawn with `segments` pieces.
 */
export function sphereGrid(parallels = 5, meridians = 12, segments = 96): Float32Array {
  const points: number[] = [];
  const push = (a: readonly number[], b: readonly number[]) => points.push(...a, ...b);
  for (let p = 1; p <= parallels; p++) {
    const lat = -Math.PI / 2 + (p * Math.PI) / (parallels + 1);
    const y = Math.sin(lat);
    const r = Math.cos(lat);
    for (let s = 0; s < segments; s++) {
      const a = (s / segments) * 2 * Math.PI;
      const b = ((s + 1) / segments) * 2 * Math.PI;
      push([r * Math.cos(a), y, r * Math.sin(a)], [r * Math.cos(b), y, r * Math.sin(b)]);
    }
  }
  const half = segments / 2;
  for (let m = 0; m < meridians; m++) {
    const lon = (m / meridians) * 2 * Math.PI;
    const c = Math.cos(lon);
    const sn = Math.sin(lon);
    for (let s = 0; s < half; s++) {
      const a = -Math.PI / 2 + (s / half) * Math.PI;
      const b = -Math.PI / 2 + ((s + 1) / half) * Math.PI;
      push(
        [Math.cos(a) * c, Math.sin(a), Math.cos(a) * sn],
        [Math.cos(b) * c, Math.sin(b), Math.cos(b) * sn],
      );
    }
  }
  return new Float32Array(points);
}
