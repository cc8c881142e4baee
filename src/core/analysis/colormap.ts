/**
 * The heatmap's colours for a cosine in [-1, 1]: a diverging map made for a dark background.
 * Negative cosines (well separated) fade from teal into the background, 0 is a dim blue-grey just above the background,
 * positive (close pairs) rise through violet to a hot orange, so the worst pairs glow.
 */
const STOPS: readonly (readonly [number, number, number, number])[] = [
  [-1, 45, 212, 191],
  [-0.5, 24, 120, 140],
  [0, 36, 44, 70],
  [0.35, 110, 72, 200],
  [0.7, 236, 96, 120],
  [1, 255, 196, 96],
];

/** [r, g, b] bytes for a cosine; NaN (the diagonal) is a neutral grey-blue. */
export function cosineColour(c: number): [number, number, number] {
  if (Number.isNaN(c)) return [70, 78, 96];
  const x = Math.max(-1, Math.min(1, c));
  for (let s = 1; s < STOPS.length; s++) {
    const [x1, r1, g1, b1] = STOPS[s];
    if (x <= x1) {
      const [x0, r0, g0, b0] = STOPS[s - 1];
      const t = (x - x0) / (x1 - x0);
      return [
        Math.round(r0 + (r1 - r0) * t),
        Math.round(g0 + (g1 - g0) * t),
        Math.round(b0 + (b1 - b0) * t),
      ];
    }
  }
  const last = STOPS[STOPS.length - 1];
  return [last[1], last[2], last[3]];
}

/** CSS colour for a legend gradient stop. */
export function cosineCss(c: number): string {
  const [r, g, b] = cosineColour(c);
  return `rgb(${r}, ${g}, ${b})`;
}

/** Entries of the lookup table behind cosineRgba: finer than a byte of colour can show. */
const LUT_SIZE = 2048;
let lut: Uint8Array | null = null;

/**
 * RGBA bytes for many cosines at once (a heatmap image): the colour map sampled into a table once,
 * so a 256 x 256 image costs a lookup per cell instead of a search through the stops.
 */
export function cosineRgba(cells: ArrayLike<number>): Uint8ClampedArray<ArrayBuffer> {
  if (!lut) {
    lut = new Uint8Array(LUT_SIZE * 3);
    for (let k = 0; k < LUT_SIZE; k++) lut.set(cosineColour(-1 + (2 * k) / (LUT_SIZE - 1)), k * 3);
  }
  const nan = cosineColour(Number.NaN);
  const out = new Uint8ClampedArray(cells.length * 4);
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k];
    if (Number.isNaN(c)) out.set(nan, k * 4);
    else {
      const x = Math.round(((Math.max(-1, Math.min(1, c)) + 1) / 2) * (LUT_SIZE - 1));
      out[k * 4] = lut[x * 3];
      out[k * 4 + 1] = lut[x * 3 + 1];
      out[k * 4 + 2] = lut[x * 3 + 2];
    }
    out[k * 4 + 3] = 255;
  }
  return out;
}
