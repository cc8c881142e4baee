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
