/**
 * Accuracy against separation: a dot per run, and per group the mean with a +-1 standard
 * deviation bar. Plain SVG (no canvas), so it exports as SVG directly and as PNG by drawing it.
 * The accuracy axis always runs from 0 to 100 % with chance marked (never zoomed to the data, so
 * a 2-point spread looks like one), and the colours are the page's (with fallbacks for export).
 */
import { forwardRef } from 'react';
import {
  axisRange,
  type ScatterGroup,
  type ScatterPoint,
  ticks,
} from '../../train/experiment/scatter.ts';

export const SCATTER_SIZE = { width: 680, height: 360 };
const M = { left: 56, right: 270, top: 16, bottom: 44 };
const COLOURS = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#ff7f0e',
  '#17becf',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
];

interface Props {
  readonly points: readonly ScatterPoint[];
  readonly groups: readonly ScatterGroup[];
  readonly xLabel: string;
  /** Number of classes: chance is 1 / classes. */
  readonly classes: number;
}

const INK = { fill: 'var(--text, #e6ebf5)' };
const MUTED = { fill: 'var(--muted, #8b97b0)' };
const GRID = { stroke: 'var(--panel-edge, #1f2a40)' };

export const Scatter = forwardRef<SVGSVGElement, Props>(function Scatter(
  { points, groups, xLabel, classes },
  ref,
) {
  const { width, height } = SCATTER_SIZE;
  const [x0, x1] = axisRange(points.map((p) => p.x));
  const [y0, y1] = [0, 1];
  const chance = classes > 0 ? 1 / classes : 0;
  const sx = (x: number) => M.left + ((x - x0) / (x1 - x0)) * (width - M.left - M.right);
  const sy = (y: number) =>
    height - M.bottom - ((y - y0) / (y1 - y0)) * (height - M.top - M.bottom);
  const colour = (group: string) =>
    COLOURS[groups.findIndex((g) => g.group === group) % COLOURS.length];
  return (
    <svg
      ref={ref}
      xmlns="http://www.w3.org/2000/svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`Test accuracy against ${xLabel}`}
      data-testid="experiment-scatter"
      fontFamily="sans-serif"
      fontSize="11"
    >
      <rect x="0" y="0" width={width} height={height} style={{ fill: 'var(--panel, #121a2a)' }} />
      {ticks(x0, x1).map((t) => (
        <g key={`x${t}`}>
          <line x1={sx(t)} x2={sx(t)} y1={M.top} y2={height - M.bottom} style={GRID} />
          <text x={sx(t)} y={height - M.bottom + 14} textAnchor="middle" style={MUTED}>
            {Number(t.toPrecision(6))}
          </text>
        </g>
      ))}
      {ticks(y0, y1).map((t) => (
        <g key={`y${t}`}>
          <line x1={M.left} x2={width - M.right} y1={sy(t)} y2={sy(t)} style={GRID} />
          <text x={M.left - 6} y={sy(t) + 4} textAnchor="end" style={MUTED}>
            {`${Number((100 * t).toPrecision(6))}%`}
          </text>
        </g>
      ))}
      {chance > 0 && (
        <g data-testid="scatter-chance">
          <line
            x1={M.left}
            x2={width - M.right}
            y1={sy(chance)}
            y2={sy(chance)}
            strokeDasharray="4 4"
            style={{ stroke: 'var(--muted, #8b97b0)' }}
          />
          <text x={width - M.right - 4} y={sy(chance) - 4} textAnchor="end" style={MUTED}>
            chance
          </text>
        </g>
      )}
      <text x={(M.left + width - M.right) / 2} y={height - 8} textAnchor="middle" style={INK}>
        {xLabel}
      </text>
      <text
        transform={`translate(14 ${(M.top + height - M.bottom) / 2}) rotate(-90)`}
        textAnchor="middle"
        style={INK}
      >
        test accuracy
      </text>
      {groups.map((g) => (
        <g key={`m${g.group}`} stroke={colour(g.group)} strokeWidth="2">
          <line x1={sx(g.x)} x2={sx(g.x)} y1={sy(g.meanY - g.stdY)} y2={sy(g.meanY + g.stdY)} />
          <line x1={sx(g.x) - 7} x2={sx(g.x) + 7} y1={sy(g.meanY)} y2={sy(g.meanY)} />
        </g>
      ))}
      {points.map((p) => (
        <circle
          key={p.key}
          cx={sx(p.x)}
          cy={sy(p.y)}
          r="4"
          fill={colour(p.group)}
          fillOpacity="0.75"
          data-testid="scatter-point"
          data-key={p.key}
        >
          <title>{`${p.label}: ${(100 * p.y).toFixed(2)}% at ${p.x.toFixed(4)}`}</title>
        </circle>
      ))}
      {groups.map((g, i) => (
        <g
          key={`l${g.group}`}
          transform={`translate(${width - M.right + 12} ${M.top + 14 * i + 6})`}
        >
          <circle r="4" fill={colour(g.group)} />
          <text x="9" y="4" style={INK}>
            {g.runs > 1 ? `${g.group} (±1 sd, ${g.runs} seeds)` : `${g.group} (1 seed)`}
          </text>
        </g>
      ))}
    </svg>
  );
});
