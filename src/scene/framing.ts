/**
 * The camera's vertical field of view for a stage of a given aspect (width / height). Landscape
 * stages keep `baseDeg`; a portrait stage (a phone, a narrow embed, a tablet's side column)
 * widens it until the horizontal field is `baseDeg`, so the unit sphere that fits a square
 * stage still fits across a narrow one instead of being cut at both sides.
 */
export function verticalFovFor(baseDeg: number, aspect: number): number {
  if (!(aspect > 0) || aspect >= 1) return baseDeg;
  const half = (baseDeg * Math.PI) / 360;
  return (360 / Math.PI) * Math.atan(Math.tan(half) / aspect);
}
