/**
 * How the contact edges are drawn for a graph of `count` edges among N points. On S^2 a point
 * touches at most 5-6 others and the edges are bold lines one can follow; the thousands of
 * contacts of a code or an optimum in 16 or 32 dimensions (30-60 a point), seen through a
 * projection, would be a solid yellow mass at that weight and hide the points. Past CLEAR_DEGREE
 * edges a point on average the lines thin and fade with the square root of the excess, so a
 * dense graph reads as a web and the worst pair (drawn separately, bold) stays visible on top.
 */
export interface EdgeStyle {
  /** Line width in pixels. */
  readonly width: number;
  readonly opacity: number;
}

const BOLD: EdgeStyle = { width: 2, opacity: 0.85 };
/** Edges per point drawn bold: the 24-cell (4 a point) and the 600-cell's 6 thin a little only. */
const CLEAR_DEGREE = 4;
const MIN_WIDTH = 1;
const MIN_OPACITY = 0.12;

export function contactEdgeStyle(count: number, N: number): EdgeStyle {
  const clear = CLEAR_DEGREE * N;
  if (!(count > clear)) return BOLD;
  const f = Math.sqrt(clear / count);
  return {
    width: Math.max(MIN_WIDTH, BOLD.width * f),
    opacity: Math.max(MIN_OPACITY, BOLD.opacity * f),
  };
}
