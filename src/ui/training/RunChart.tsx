/**
 * Separation against accuracy, one mark per kept run: plain SVG on the dark panel. The view box
 * is as wide as the chart's box in pixels (measured), so text stays its real size on a phone
 * instead of shrinking with the drawing. Accuracy always runs from 0 to 100 %, so two charts
 * (or one before and after a run) compare by eye.
 */
import { type ReactNode, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { niceTicks } from '../../core/analysis/scales.ts';
import type { KeptRun } from '../../state/runHistoryStore.ts';
import { RunMark, shapeOf } from './RunMark.tsx';
import { methodColour, RUN_METRICS, type RunMetric, runSummary } from './runText.ts';

const HEIGHT = 280;
const M = { left: 46, right: 16, top: 14, bottom: 42 };
const Y_TICKS = [0, 20, 40, 60, 80, 100];

/** The x range around the values, padded; a single value gets a window around it. */
function xRange(values: readonly number[], metric: RunMetric): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return metric === 'minAngleDeg' ? [0, 180] : [-1, 1];
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const pad = hi > lo ? (hi - lo) * 0.12 : metric === 'minAngleDeg' ? 5 : 0.05;
  return [lo - pad, hi + pad];
}

export interface LivePoint {
  readonly x: number;
  /** Test accuracy in [0, 1]. */
  readonly y: number;
}

interface Props {
  readonly runs: readonly KeptRun[];
  readonly metric: RunMetric;
  /** Classes of the loaded data: chance is 1/K. */
  readonly classes: number;
  readonly live: LivePoint | null;
  readonly shown: string | null;
  onHover(id: string | null): void;
  onPick(id: string): void;
  /** The card for the shown run, placed by the chart next to its mark. */
  readonly card: (run: KeptRun) => ReactNode;
}

export function RunChart({ runs, metric, classes, live, shown, onHover, onPick, card }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(560);
  const cardBox = useRef<HTMLDivElement>(null);
  const [cardHeight, setCardHeight] = useState(200);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(260, Math.round(el.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const [x0, x1] = xRange([...runs.map((r) => r[metric]), ...(live ? [live.x] : [])], metric);
  const sx = (x: number) => M.left + ((x - x0) / (x1 - x0)) * (width - M.left - M.right);
  const sy = (pct: number) => HEIGHT - M.bottom - (pct / 100) * (HEIGHT - M.top - M.bottom);
  const xTicks = niceTicks(x0, x1, Math.max(3, Math.floor(width / 90)));
  const chance = 100 / Math.max(1, classes);
  const axis = RUN_METRICS.find((m) => m.key === metric)?.axis ?? metric;
  const shownRun = runs.find((r) => r.id === shown);
  // The card is placed from its own height, known only once drawn: measured before paint.
  useLayoutEffect(() => {
    const h = cardBox.current?.offsetHeight;
    if (h && h !== cardHeight) setCardHeight(h);
  });
  const r = width < 480 ? 7 : 6;

  return (
    <div className="run-chart" ref={box}>
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a <fieldset>; role img would hide its focusable marks */}
      <svg
        width="100%"
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="group"
        aria-label={`Test accuracy against ${axis}, one mark per run`}
        data-testid="run-chart"
        data-y-min="0"
        data-y-max="100"
      >
        <g className="run-axis" data-testid="run-y-axis">
          {Y_TICKS.map((t) => (
            <g key={`y${t}`}>
              <line x1={M.left} x2={width - M.right} y1={sy(t)} y2={sy(t)} className="run-grid" />
              <text x={M.left - 6} y={sy(t) + 4} textAnchor="end">
                {t}
              </text>
            </g>
          ))}
          {xTicks.map((t) => (
            <g key={`x${t}`}>
              <line x1={sx(t)} x2={sx(t)} y1={M.top} y2={HEIGHT - M.bottom} className="run-grid" />
              <text x={sx(t)} y={HEIGHT - M.bottom + 16} textAnchor="middle">
                {Number(t.toPrecision(6))}
              </text>
            </g>
          ))}
          <text x={(M.left + width - M.right) / 2} y={HEIGHT - 6} textAnchor="middle">
            {axis}
          </text>
          <text transform={`translate(13 ${(M.top + HEIGHT - M.bottom) / 2}) rotate(-90)`}>
            <tspan textAnchor="middle">test accuracy (%)</tspan>
          </text>
        </g>
        <g className="run-chance" data-testid="run-chance">
          <line x1={M.left} x2={width - M.right} y1={sy(chance)} y2={sy(chance)} />
          <text x={width - M.right - 4} y={sy(chance) - 5} textAnchor="end">
            chance
          </text>
        </g>
        {runs.map((run) => (
          // biome-ignore lint/a11y/useSemanticElements: an SVG mark cannot be a <button>; it acts as one
          <g
            key={run.id}
            role="button"
            tabIndex={0}
            aria-label={runSummary(run)}
            aria-pressed={run.id === shown}
            className="run-dot"
            data-testid="run-dot"
            data-run-id={run.id}
            transform={`translate(${sx(run[metric]).toFixed(1)} ${sy(100 * run.testAccuracy).toFixed(1)})`}
            onMouseEnter={() => onHover(run.id)}
            onMouseLeave={() => onHover(null)}
            onFocus={() => onPick(run.id)}
            onClick={() => onPick(run.id)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onPick(run.id);
              }
            }}
          >
            {/* A finger-sized target around a small mark. */}
            <circle r={r + 8} className="run-dot-hit" />
            <circle r={r + 5} className="run-dot-ring" />
            <RunMark shape={shapeOf(run.labelling)} colour={methodColour(run.method)} r={r} />
          </g>
        ))}
        {live && (
          <g
            className="run-dot-live"
            data-testid="run-dot-live"
            transform={`translate(${sx(live.x).toFixed(1)} ${sy(100 * live.y).toFixed(1)})`}
          >
            <title>The run in progress, at its latest test accuracy</title>
            <circle r={r + 1} className="run-dot-live-pulse" />
            <circle r={r + 1} className="run-dot-live-ring" />
          </g>
        )}
      </svg>
      {shownRun && (
        <div
          className="run-card-place"
          ref={cardBox}
          style={placeCard(
            sx(shownRun[metric]),
            sy(100 * shownRun.testAccuracy),
            width,
            cardHeight,
          )}
        >
          {card(shownRun)}
        </div>
      )}
    </div>
  );
}

const CARD_WIDTH = 250;
const GAP = 14;

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, Math.max(lo, hi)));

/**
 * Inside the chart, never over the heading above it: beside the mark where the chart is wide
 * enough for that, else below or above it, whichever has room (below when neither has: the
 * legend under the chart may be covered, the heading and its select not).
 */
function placeCard(x: number, y: number, width: number, h: number): React.CSSProperties {
  const w = Math.min(CARD_WIDTH, width - 8);
  if (width >= 2 * (CARD_WIDTH + GAP) + 40) {
    const left = x < width / 2 ? x + GAP : x - GAP - w;
    return { left, top: clamp(y - h / 2, 4, HEIGHT - h - 4), width: w };
  }
  const left = clamp(x - w / 2, 4, width - w - 4);
  if (y + GAP + h <= HEIGHT) return { left, top: y + GAP, width: w };
  if (y - GAP - h >= 0) return { left, top: y - GAP - h, width: w };
  return { left, top: y + GAP, width: w };
}
