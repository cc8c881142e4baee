/**
 * Accuracy against separation: a dot per run, and per group the mean with a +-1 standard
 * deviation bar. Plain SVG (no canvas), so it exports as SVG directly and as PNG by drawing it.
 */
import { forwardRef } from 'react';
import {
  axisRange,
  type ScatterGroup,
  type ScatterPoint,
  ticks,
} from '../../train/experiment/scatter.ts';

export const SCATTER_SIZE = { width: 560, height: 360 };
const M = { left: 56, right: 150, top: 16, bottom: 44 };
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
}

export const Scatter = forwardRef<SVGSVGElement, Props>(function Scatter(
  { points, groups, xLabel },
  ref,
) {
  const { width, height } = SCATTER_SIZE;
  const [x0, x1] = axisRange(points.map((p) => p.x));
  const [y0, y1] = axisRange([
    ...points.map((p) => p.y),
    ...groups.flatMap((g) => [g.meanY - g.stdY, g.meanY + g.stdY]),
  ]);
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
      <rect x="0" y="0" width={width} height={height} fill="#ffffff" />
      {ticks(x0, x1).map((t) => (
        <g key={`x${t}`}>
          <line x1={sx(t)} x2={sx(t)} y1={M.top} y2={height - M.bottom} stroke="#e5e5e5" />
          <text x={sx(t)} y={height - M.bottom + 14} textAnchor="middle" fill="#333">
            {Number(t.toPrecision(6))}
          </text>
        </g>
      ))}
      {ticks(y0, y1).map((t) => (
        <g key={`y${t}`}>
          <line x1={M.left} x2={width - M.right} y1={sy(t)} y2={sy(t)} stroke="#e5e5e5" />
          <text x={M.left - 6} y={sy(t) + 4} textAnchor="end" fill="#333">
            {`${Number((100 * t).toPrecision(6))}%`}
          </text>
        </g>
      ))}
      <text x={(M.left + width - M.right) / 2} y={height - 8} textAnchor="middle" fill="#111">
        {xLabel}
      </text>
      <text
        transform={`translate(14 ${(M.top + height - M.bottom) / 2}) rotate(-90)`}
        textAnchor="middle"
        fill="#111"
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
          <title>{`${p.key}: ${(100 * p.y).toFixed(2)}% at ${p.x.toFixed(4)}`}</title>
        </circle>
      ))}
      {groups.map((g, i) => (
        <g
          key={`l${g.group}`}
          transform={`translate(${width - M.right + 12} ${M.top + 14 * i + 6})`}
        >
          <circle r="4" fill={colour(g.group)} />
          <text x="9" y="4" fill="#111">
            {g.group}
          </text>
        </g>
      ))}
    </svg>
  );
});
