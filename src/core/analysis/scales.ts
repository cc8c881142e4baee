/**
 * Chart scales and ticks for the hand-written SVG charts: pure numbers, no DOM, so the charts
 * stay thin and the arithmetic is tested.
 */

/** A map from a data interval to a pixel interval (either may be reversed, e.g. y grows down). */
export interface Scale {
  (x: number): number;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
}

export function linearScale(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const f = (x: number) => r0 + (x - d0) * k;
  return Object.assign(f, { domain, range });
}

/** Logarithmic in base 2 (the dimension axis doubles from tick to tick). Domain must be > 0. */
export function log2Scale(domain: [number, number], range: [number, number]): Scale {
  if (!(domain[0] > 0 && domain[1] > 0))
    throw new RangeError('a log scale needs a positive domain');
  const inner = linearScale([Math.log2(domain[0]), Math.log2(domain[1])], range);
  const f = (x: number) => inner(Math.log2(x));
  return Object.assign(f, { domain, range });
}

/**
 * About `count` round ticks (1, 2 or 5 times a power of ten) covering [lo, hi], inside it.
 * Values are rounded to the step's decimals so labels print cleanly (0.30000000000000004 -> 0.3).
 */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const out: number[] = [];
  for (let t = Math.ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step) {
    out.push(Number(t.toFixed(decimals)) + 0); // + 0 turns -0 into 0
  }
  return out;
}

/** Powers of two from lo to hi (inclusive), for a log2 axis. */
export function log2Ticks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let p = Math.ceil(Math.log2(lo) - 1e-9); 2 ** p <= hi * (1 + 1e-9); p++) out.push(2 ** p);
  return out;
}

/**
 * The dimensions of the separation-versus-dimension chart: powers of two from 2 to max, with the
 * midpoints 3 * 2^k between them (3, 6, 12, ...), as in the paper's sweep.
 */
export function sweepDimensions(max = 512): number[] {
  const out: number[] = [];
  for (let p = 1; 2 ** p <= max; p++) {
    out.push(2 ** p);
    if (3 * 2 ** (p - 1) < max && 3 * 2 ** (p - 1) > 2 ** p) out.push(3 * 2 ** (p - 1));
  }
  return out.sort((a, b) => a - b);
}
