/** Numbers as the training panel writes them. */

export const percent = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '–');

export const lossText = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : 'NaN');

export function rateText(imagesPerSecond: number): string {
  if (!(imagesPerSecond > 0)) return '–';
  return imagesPerSecond >= 100
    ? `${Math.round(imagesPerSecond).toLocaleString('en-US')} images/s`
    : // Two significant digits, never in exponent form (99.97 reads 100, not 1.0e+2).
      `${Number(imagesPerSecond.toPrecision(2))} images/s`;
}

export function durationText(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}
