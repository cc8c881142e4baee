import { describe, expect, it } from 'vitest';
import { verticalFovFor } from './framing.ts';

const rad = (deg: number) => (deg * Math.PI) / 180;
/** Horizontal field of view of a perspective camera with vertical fov `fov` at `aspect`. */
const horizontal = (fov: number, aspect: number) =>
  (2 * Math.atan(Math.tan(rad(fov) / 2) * aspect) * 180) / Math.PI;

describe('verticalFovFor', () => {
  it('keeps the base field of view on square and landscape stages', () => {
    expect(verticalFovFor(38, 1)).toBe(38);
    expect(verticalFovFor(38, 16 / 9)).toBe(38);
  });

  it('gives a portrait stage the base field of view across its width', () => {
    for (const aspect of [0.9, 0.5, 390 / 420, 0.25]) {
      const fov = verticalFovFor(38, aspect);
      expect(fov).toBeGreaterThan(38);
      expect(horizontal(fov, aspect)).toBeCloseTo(38, 10);
    }
    // Half as wide as high: tan(fov / 2) = 2 tan(19 deg).
    expect(Math.tan(rad(verticalFovFor(38, 0.5)) / 2)).toBeCloseTo(2 * Math.tan(rad(19)), 12);
  });

  it('ignores a stage with no size yet', () => {
    expect(verticalFovFor(38, 0)).toBe(38);
    expect(verticalFovFor(38, Number.NaN)).toBe(38);
  });
});
