/** A small line plot on a 2D canvas (the curves redraw many times a second; no chart library). */
import { niceTicks } from '../../core/analysis/scales.ts';

export interface Series {
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly colour: string;
  readonly label: string;
  /** Draw a dot at every point (few points, e.g. one per epoch). */
  readonly dots?: boolean;
}

export interface PlotOptions {
  readonly xMax: number;
  readonly yMin?: number;
  readonly yMax?: number;
  readonly title: string;
  readonly percent?: boolean;
}

const PAD = { left: 44, right: 10, top: 36, bottom: 22 };
const AXIS = '#8b97b0';
const GRID = 'rgba(139, 151, 176, 0.18)';

/** Sizes the canvas to its box (device pixels) and draws the series; x runs over epochs. */
export function drawPlot(canvas: HTMLCanvasElement, series: readonly Series[], o: PlotOptions) {
  const ratio = window.devicePixelRatio || 1;
  const w = Math.max(120, canvas.clientWidth);
  const h = Math.max(100, canvas.clientHeight);
  if (canvas.width !== Math.round(w * ratio) || canvas.height !== Math.round(h * ratio)) {
    canvas.width = Math.round(w * ratio);
    canvas.height = Math.round(h * ratio);
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, w, h);
  const finite = series.flatMap((s) => s.ys.filter(Number.isFinite));
  // Loss axes start at 0, so a falling curve is seen as a fall, not as noise around a mean.
  const {
    min: yMin,
    max: yMax,
    ticks,
  } = valueAxis(
    o.yMin ?? Math.min(0, ...finite),
    o.yMax ?? (finite.length ? Math.max(...finite) : 1),
    o.yMax === undefined,
  );
  const px = (x: number) => PAD.left + (x / o.xMax) * (w - PAD.left - PAD.right);
  const py = (y: number) =>
    h - PAD.bottom - ((y - yMin) / (yMax - yMin)) * (h - PAD.top - PAD.bottom);

  ctx.font = '11px system-ui, sans-serif';
  ctx.lineWidth = 1;
  ctx.strokeStyle = GRID;
  ctx.fillStyle = AXIS;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const y of ticks) {
    ctx.beginPath();
    ctx.moveTo(PAD.left, py(y));
    ctx.lineTo(w - PAD.right, py(y));
    ctx.stroke();
    ctx.fillText(o.percent ? `${Math.round(100 * y)}%` : String(y), PAD.left - 4, py(y));
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const step = Math.max(1, Math.ceil(o.xMax / 8));
  for (let x = 0; x <= o.xMax; x += step) ctx.fillText(String(x), px(x), h - PAD.bottom + 4);
  ctx.textAlign = 'left';
  ctx.fillText(`${o.title} (x: epochs)`, PAD.left, 4);

  // Legend on the row under the title.
  let lx = PAD.left;
  for (const s of series) {
    ctx.fillStyle = s.colour;
    ctx.fillRect(lx, 21, 8, 3);
    ctx.fillText(s.label, lx + 11, 17);
    lx += ctx.measureText(s.label).width + 24;
  }

  for (const s of series) {
    ctx.strokeStyle = s.colour;
    ctx.fillStyle = s.colour;
    ctx.lineWidth = s.dots ? 1.5 : 1;
    ctx.beginPath();
    let pen = false;
    for (let i = 0; i < s.xs.length; i++) {
      const y = s.ys[i];
      if (!Number.isFinite(y)) {
        pen = false;
        continue;
      }
      if (pen) ctx.lineTo(px(s.xs[i]), py(y));
      else ctx.moveTo(px(s.xs[i]), py(y));
      pen = true;
    }
    ctx.stroke();
    if (s.dots) {
      for (let i = 0; i < s.xs.length; i++) {
        if (!Number.isFinite(s.ys[i])) continue;
        ctx.beginPath();
        ctx.arc(px(s.xs[i]), py(s.ys[i]), 2.5, 0, 2 * Math.PI);
        ctx.fill();
      }
    }
  }
}

/**
 * The value axis from `min` to `max` with its gridlines. A fixed range (accuracy, 0 to 1) gets
 * quarters; a range that follows the data (the loss) ends at the first round tick at or above
 * the data, so the labels read 0, 2, 4, 6, 8 rather than quarters of the largest loss (8.9).
 */
export function valueAxis(
  min: number,
  max: number,
  rounded: boolean,
): { min: number; max: number; ticks: number[] } {
  const top = max > min ? max : min + 1;
  if (!rounded)
    return { min, max: top, ticks: [0, 1, 2, 3, 4].map((k) => min + ((top - min) * k) / 4) };
  const ticks = niceTicks(min, top, 5);
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : top - min;
  const last = ticks[ticks.length - 1];
  if (last < top - step * 1e-9) ticks.push(Number((last + step).toPrecision(12)));
  return { min, max: ticks[ticks.length - 1], ticks };
}
