import { useMemo } from 'react';
import { histogramBars } from '../../core/analysis/histogram.ts';
import { linearScale, niceTicks } from '../../core/analysis/scales.ts';
import { separationBounds } from '../../core/bounds/index.ts';
import type { SummaryResult } from '../../jobs/analysisProtocol.ts';
import { fixed } from '../../scene/format.ts';
import { BOUND_STYLES } from './boundStyles.ts';

const W = 520;
const H = 230;
const M = { left: 44, right: 14, top: 14, bottom: 34 };

/**
 * All pairwise cosines as a histogram, with the bounds as vertical lines: bars that reach a
 * lower bound's line are pairs as close as any codebook must have.
 */
export function HistogramChart({
  summary,
  N,
  n,
  maxCosine,
  minCosine,
}: {
  summary: SummaryResult;
  N: number;
  n: number;
  maxCosine: number;
  /** The smallest cosine (named when the far-left tail is off the axis). */
  minCosine: number;
}) {
  const bounds = useMemo(() => separationBounds(N, n), [N, n]);
  const { bars, lo, hi, maxCount } = histogramBars({
    edges: summary.edges,
    counts: summary.counts,
    pairs: summary.pairs,
  });
  const lines = BOUND_STYLES.flatMap((b) => {
    const v = bounds[b.key];
    return v === null ? [] : [{ ...b, value: v }];
  });
  // The axis covers the cosines that occur; a bound outside them is named at the edge instead
  // of squeezing the bars into a corner.
  const x0 = lo;
  const x1 = hi;
  const x = linearScale([x0, x1], [M.left, W - M.right]);
  const inside = lines.filter((l) => l.value >= x0 && l.value <= x1);
  const y = linearScale([0, maxCount * 1.08 || 1], [H - M.bottom, M.top]);
  const xTicks = niceTicks(x0, x1, 6);
  const yTicks = niceTicks(0, maxCount * 1.08 || 1, 4).filter((t) => Number.isInteger(t));
  return (
    <figure className="chart" data-testid="histogram">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Histogram of pairwise cosines">
        <defs>
          <linearGradient id="bar-fill" x1="0" y1="0" x2="0" y2="1">
            <stop offset="0" stopColor="#9db8ff" />
            <stop offset="1" stopColor="#4c6fd6" stopOpacity="0.55" />
          </linearGradient>
        </defs>
        {yTicks.map((t) => (
          <g key={`y${t}`}>
            <line className="grid" x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
            <text className="tick" x={M.left - 6} y={y(t) + 4} textAnchor="end">
              {t}
            </text>
          </g>
        ))}
        {xTicks.map((t) => (
          <text key={`x${t}`} className="tick" x={x(t)} y={H - M.bottom + 16} textAnchor="middle">
            {t}
          </text>
        ))}
        <line className="axis" x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} />
        {bars.map((b) =>
          b.count > 0 ? (
            <rect
              key={b.from}
              className="bar"
              data-count={b.count}
              x={x(b.from) + 0.5}
              width={Math.max(1, x(b.to) - x(b.from) - 1)}
              y={y(b.count)}
              height={y(0) - y(b.count)}
              rx={1.5}
              fill="url(#bar-fill)"
            >
              <title>
                {b.count} pairs with cosine in [{fixed(b.from, 3)}, {fixed(b.to, 3)})
              </title>
            </rect>
          ) : null,
        )}
        <line
          className="max-line"
          x1={x(maxCosine)}
          x2={x(maxCosine)}
          y1={M.top - 4}
          y2={H - M.bottom}
        />
        {inside.map((l) => (
          <g key={l.key}>
            <line
              x1={x(l.value)}
              x2={x(l.value)}
              y1={M.top - 4}
              y2={H - M.bottom}
              stroke={l.colour}
              strokeWidth={1.6}
              strokeDasharray={l.dash}
            >
              <title>
                {l.label}: {fixed(l.value, 4)}
              </title>
            </line>
          </g>
        ))}
        <text className="axis-label" x={(M.left + W - M.right) / 2} y={H - 4} textAnchor="middle">
          cosine between two prototypes ({summary.pairs.toLocaleString('en-US')} pairs)
        </text>
      </svg>
      <figcaption className="legend">
        <span>
          <i className="key-line max" /> max cosine
        </span>
        {lines.map((l) =>
          l.value >= x0 && l.value <= x1 ? (
            <span key={l.key}>
              <i className="key-line" style={{ borderColor: l.colour }} /> {l.short}
            </span>
          ) : (
            <span key={l.key} style={{ color: l.colour }} title="outside the cosines that occur">
              {l.value < x0 ? '←' : '→'} {l.short} {fixed(l.value, 4)}
            </span>
          ),
        )}
        {summary.below > 0 && (
          <span data-testid="histogram-below">
            ← {summary.below.toLocaleString('en-US')} more distant pairs, down to{' '}
            {fixed(minCosine, 2)}
          </span>
        )}
        {summary.exact && <span className="exact">exact (Hamming distances)</span>}
      </figcaption>
    </figure>
  );
}
