import { Color } from 'three';
import type { PaletteId } from '../state/palettes.ts';

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

/**
 * Okabe and Ito's colours, told apart with every common colour-vision deficiency. Their black
 * would vanish on the dark scene, so white takes its place. Past eight the colours repeat (more
 * hues would no longer be safe); the labels tell such prototypes apart.
 */
const OKABE_ITO = [
  '#e69f00', // orange
  '#56b4e9', // sky blue
  '#009e73', // bluish green
  '#f0e442', // yellow
  '#0072b2', // blue
  '#d55e00', // vermilion
  '#cc79a7', // reddish purple
  '#ffffff', // white (for black)
] as const;

/** Fully saturated, bright colours for projectors and low vision. */
const HIGH_CONTRAST = [
  '#ffffff',
  '#ffff00',
  '#00ffff',
  '#ff00ff',
  '#00ff00',
  '#ff8c00',
  '#ff4040',
  '#8fb3ff',
] as const;

interface Palette {
  readonly base: readonly string[];
  /** Repeat the base colours (true) or continue with golden-angle hues of this saturation. */
  readonly repeat: boolean;
  readonly saturation: number;
  /** The S^3 view's w scale: south pole, equator, pole of the projection. */
  readonly w: { readonly low: string; readonly mid: string; readonly high: string };
}

const PALETTES: Readonly<Record<PaletteId, Palette>> = {
  default: {
    base: BASE,
    repeat: false,
    saturation: 0.75,
    w: { low: '#4cc9f0', mid: '#e6ebf8', high: '#ff9f43' },
  },
  // Blue to orange is Okabe-Ito's own safe diverging pair.
  'okabe-ito': {
    base: OKABE_ITO,
    repeat: true,
    saturation: 0,
    w: { low: '#56b4e9', mid: '#e6ebf8', high: '#e69f00' },
  },
  'high-contrast': {
    base: HIGH_CONTRAST,
    repeat: false,
    saturation: 1,
    w: { low: '#00ffff', mid: '#ffffff', high: '#ffff00' },
  },
};

/**
 * The palette the scene draws with. One page shows one palette: the scene sets it from the
 * store (`palette`, a URL setting) before its children render, and every colour below follows.
 */
let active: PaletteId = 'default';

export function setActivePalette(palette: PaletteId): void {
  if (palette === active) return;
  active = palette;
  rgbCache.length = 0;
  wEnds = wLinear(palette);
}

export function activePalette(): PaletteId {
  return active;
}

/**
 * Colour of prototype i in the active palette, as a CSS hex string (one argument, so it maps
 * over indices: `indices.map(prototypeColor)`).
 */
export function prototypeColor(i: number): string {
  return paletteColor(active, i);
}

/** Colour of prototype i in a palette; beyond the base set, hues follow the golden angle. */
export function paletteColor(palette: PaletteId, i: number): string {
  const p = PALETTES[palette];
  if (i < p.base.length || p.repeat) return p.base[i % p.base.length];
  const hue = (i * 137.508) % 360;
  return hslToHex(hue, p.saturation, 0.62);
}

/** The background of label text (the scene's, under the labels' translucent plate). */
const TEXT_BACKGROUND = '#0a0e17';

/**
 * Prototype i's colour for text (labels, the details panel): the same hue, lightened just enough
 * for a 4.5:1 contrast on the dark scene (WCAG AA), so Okabe-Ito's blue stays readable.
 */
export function prototypeTextColor(i: number): string {
  return readableOn(prototypeColor(i), TEXT_BACKGROUND);
}

function luminance(hex: string): number {
  const v = Number.parseInt(hex.slice(1), 16);
  const lin = (c: number) => {
    const x = c / 255;
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin((v >> 16) & 255) + 0.7152 * lin((v >> 8) & 255) + 0.0722 * lin(v & 255);
}

/** WCAG contrast ratio of two CSS hex colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Mixes `hex` towards white (which keeps its hue) until it reaches 4.5:1 on `background`. */
export function readableOn(hex: string, background: string): string {
  const v = Number.parseInt(hex.slice(1), 16);
  const rgb = [(v >> 16) & 255, (v >> 8) & 255, v & 255];
  for (let t = 0; t <= 1.0001; t += 0.05) {
    const mixed = `#${rgb
      .map((c) =>
        Math.round(c + (255 - c) * t)
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')}`;
    if (contrastRatio(mixed, background) >= 4.5) return mixed;
  }
  return '#ffffff';
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

/** The active palette's colours in linear RGB (emptied when the palette changes). */
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
 * Colour for the fourth coordinate w in [-1, 1] (S^3 view), in the active palette: e.g. sky blue
 * at the south pole, pale at the equator, amber towards the pole of the projection.
 */
export function wRgb(w: number, out: Float32Array, at: number): void {
  const t = Math.max(-1, Math.min(1, w));
  const { low, mid, high } = wEnds;
  const [a, b, f] = t < 0 ? [low, mid, t + 1] : [mid, high, t];
  for (let k = 0; k < 3; k++) out[at + k] = a[k] + (b[k] - a[k]) * f;
}

const linear = (hex: string) => {
  const c = new Color(hex);
  return [c.r, c.g, c.b];
};
/** The default w colour scale's ends and middle (CSS colours). */
export const W_COLOURS = PALETTES.default.w;

/** The w colour scale of a palette (CSS colours, for the legend). */
export function wColours(palette: PaletteId = active): Palette['w'] {
  return PALETTES[palette].w;
}

function wLinear(palette: PaletteId) {
  const { low, mid, high } = PALETTES[palette].w;
  return { low: linear(low), mid: linear(mid), high: linear(high) };
}
let wEnds = wLinear(active);
