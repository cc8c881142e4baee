import { Color } from 'three';

/** Hand-picked colours for the first prototypes: bright, distinct, and readable on the dark sphere. */
const BASE = [
  '#ff5f57', // coral red
  '#ffbd2e', // amber
  '#3ddc97', // mint
  '#4cc9f0', // sky
  '#b388ff', // lavender
  '#ff8fab', // pink
  '#c5f277', // lime
  '#ff9f43', // orange
  '#48e5c2', // teal
  '#f7f06d', // lemon
] as const;

/** Colour of prototype i as a CSS hex string; beyond the base set, hues follow the golden angle. */
export function prototypeColor(i: number): string {
  if (i < BASE.length) return BASE[i];
  const hue = (i * 137.508) % 360;
  return hslToHex(hue, 0.75, 0.62);
}

function hslToHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const f = (k: number) => {
    const m = (k + h / 30) % 12;
    const c = l - a * Math.max(-1, Math.min(m - 3, 9 - m, 1));
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

const rgbCache: [number, number, number][] = [];

/** Linear RGB (what three.js vertex and instance colours take) of prototype i's colour. */
export function prototypeRgb(i: number): [number, number, number] {
  if (!rgbCache[i]) {
    const c = new Color(prototypeColor(i));
    rgbCache[i] = [c.r, c.g, c.b];
  }
  return rgbCache[i];
}

/**
 * Colour for the fourth coordinate w in [-1, 1] (S^3 view): sky blue at the south pole, pale at
 * the equator, amber towards the pole of the projection.
 */
export function wRgb(w: number, out: Float32Array, at: number): void {
  const t = Math.max(-1, Math.min(1, w));
  const lo = W_LOW;
  const mid = W_MID;
  const hi = W_HIGH;
  const [a, b, f] = t < 0 ? [lo, mid, t + 1] : [mid, hi, t];
  for (let k = 0; k < 3; k++) out[at + k] = a[k] + (b[k] - a[k]) * f;
}

const linear = (hex: string) => {
  const c = new Color(hex);
  return [c.r, c.g, c.b];
};
/** The w colour scale's ends and middle (CSS colours, for the legend too). */
export const W_COLOURS = { low: '#4cc9f0', mid: '#e6ebf8', high: '#ff9f43' } as const;
const W_LOW = linear(W_COLOURS.low);
const W_MID = linear(W_COLOURS.mid);
const W_HIGH = linear(W_COLOURS.high);
