import { describe, expect, it } from 'vitest';
import { sampleArc } from './arcs.ts';
import { greatCircleImage, inverseStereographic, stereographic } from './stereographic.ts';

describe('stereographic projection S^3 -> R^3', () => {
  it('maps the equator w = 0 onto the unit sphere and the south pole to the origin', () => {
    for (const v of [
      [1, 0, 0, 0],
      [0.6, 0.8, 0, 0],
      [0.48, -0.6, 0.64, 0],
    ]) {
      expect(Math.hypot(...stereographic(v))).toBeCloseTo(1, 14);
    }
    expect(Array.from(stereographic([0, 0, 0, -1]))).toEqual([0, 0, 0]);
  });

  it('is inverted by inverseStereographic', () => {
    const p = [0.3, -1.7, 2.2];
    const q = stereographic(inverseStereographic(p));
    for (let k = 0; k < 3; k++) expect(q[k]).toBeCloseTo(p[k], 12);
  });

  it('maps a great circle through the pole to a line', () => {
    // The circle through the pole e_w and b = (0.6, 0, 0.8, 0), written in a tilted basis.
    const s = Math.SQRT1_2;
    const img = greatCircleImage([0.6 * s, 0, 0.8 * s, s], [0.6 * s, 0, 0.8 * s, -s]);
    expect(img.kind).toBe('line');
    if (img.kind !== 'line') return;
    // Its points: every sample of the circle (except the pole) lies on the line.
    const pts = sampleArc([0, 0, 0, -1], [0.6, 0, 0.8, 0], 4, 16);
    for (let t = 0; t <= 16; t++) {
      const q = stereographic(pts, t * 4);
      const d = [0, 1, 2].map((k) => q[k] - img.point[k]);
      const along = d[0] * img.direction[0] + d[1] * img.direction[1] + d[2] * img.direction[2];
      expect(Math.hypot(...d.map((x, k) => x - along * img.direction[k]))).toBeLessThan(1e-12);
    }
  });

  it('maps the great circle in the xy plane to the unit circle about the origin', () => {
    const img = greatCircleImage([1, 0, 0, 0], [0, 1, 0, 0]);
    expect(img.kind).toBe('circle');
    if (img.kind !== 'circle') return;
    expect(img.radius).toBeCloseTo(1, 12);
    for (const c of img.centre) expect(c).toBeCloseTo(0, 12);
    expect(Math.abs(img.normal[2])).toBeCloseTo(1, 12);
  });

  it('maps a tilted great circle to a circle: every sampled point is at its radius', () => {
    const a = [0.5, 0.5, 0.5, 0.5];
    const b = [0.5, -0.5, 0.5, -0.5];
    const img = greatCircleImage(a, b);
    expect(img.kind).toBe('circle');
    if (img.kind !== 'circle') return;
    for (let k = 0; k < 12; k++) {
      const t = (k / 12) * 2 * Math.PI + 0.1;
      const q = stereographic(a.map((x, c) => Math.cos(t) * x + Math.sin(t) * b[c]));
      const d = [0, 1, 2].map((c) => q[c] - img.centre[c]);
      expect(Math.hypot(...d)).toBeCloseTo(img.radius, 10);
      expect(d[0] * img.normal[0] + d[1] * img.normal[1] + d[2] * img.normal[2]).toBeCloseTo(0, 10);
    }
  });
});
