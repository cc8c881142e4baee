import { useMemo } from 'react';
import {
  linearScale,
  log2Scale,
  log2Ticks,
  niceTicks,
  sweepDimensions,
} from '../../core/analysis/scales.ts';
import { separationBounds } from '../../core/bounds/index.ts';
import type { MethodOutcome } from '../../jobs/analysisProtocol.ts';
import { fixed } from '../../scene/format.ts';
import { BOUND_STYLES } from './boundStyles.ts';
import { JobProgressLine } from './JobProgressLine.tsx';
import { useLongJob } from './useLongJob.ts';

const W = 1000;
const H = 360;
const M = { left: 52, right: 170, top: 16, bottom: 40 };
const DIMS = sweepDimensions(512);

/** One colour per method, in the order of the registry. */
const METHOD_COLOURS: Record<string, string> = {
  random: '#6b7694',
  onehot: '#c3cbe0',
  orthoplex: '#ffd166',
  kasarla: '#06d6a0',
  mettes: '#ef476f',
  lse: '#7aa2ff',
  rm: '#b392f0',
  bch: '#f78c6c',
  best: '#ffffff',
};

function pathOf(points: readonly [number, number][]): string {
  return points.map(([px, py], k) => `${k ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`).join('');
}

/**
 * The paper's separation-versus-dimension chart at the current N: the max cosine each method
 * reaches for n from 2 to 512 (log axis) against the bounds. Computed on request in a worker;
 * points appear as they are made.
 */
export function SweepChart({ N, seed }: { N: number; seed: number }) {
  const { state, start, cancel } = useLongJob('sweep');
  const key = `N = ${N}`;
  const boundCurves = useMemo(
    () =>
      BOUND_STYLES.map((b) => ({
        ...b,
        points: DIMS.flatMap((n) => {
          const v = separationBounds(N, n)[b.key];
          return v === null ? [] : [[n, v] as [number, number]];
        }),
      })),
    [N],
  );
  const byMethod = new Map<string, MethodOutcome[]>();
  for (const o of state.outcomes) {
    if (o.maxCosine === null) continue;
    const list = byMethod.get(o.method) ?? [];
    list.push(o);
    byMethod.set(o.method, list);
  }
  const values = [
    ...state.outcomes.flatMap((o) => (o.maxCosine === null ? [] : [o.maxCosine])),
    ...boundCurves.flatMap((c) => c.points.map((p) => p[1])),
  ];
  const yLo = Math.max(-1, Math.min(0, ...values) - 0.05);
  const yHi = Math.min(1, Math.max(0.2, ...values) + 0.05);
  const x = log2Scale([2, 512], [M.left, W - M.right]);
  const y = linearScale([yLo, yHi], [H - M.bottom, M.top]);
  const notes = new Map<string, string>();
  for (const o of state.outcomes) {
    if (o.note) notes.set(o.method, o.note);
    const skippedBefore = notes.get(o.method)?.startsWith('skipped');
    if (o.reason?.startsWith('skipped') && !skippedBefore) {
      notes.set(o.method, `skipped at n ≥ ${o.n} (too slow here)`);
    }
  }
  const stale = state.key !== null && state.key !== key;
  return (
    <div className="sweep" data-testid="sweep">
      <div className="analysis-actions">
        <button
          type="button"
          className="primary small"
          disabled={state.status === 'running'}
          onClick={() => start({ kind: 'sweep', N, dims: DIMS, seed }, key)}
        >
          Run the sweep at {key}
        </button>
        <span className="hint">
          n = 2 … 512 · every method · optimisers and best found with at most 1000 steps, fewer (or
          skipped) where N²n makes them slow; the caption lists what was shortened.
        </span>
      </div>
      <JobProgressLine state={state} onCancel={cancel} />
      {stale && (
        <p className="hint">
          The curves are for {state.key}; run again for {key}.
        </p>
      )}
      <figure className="chart">
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Max cosine against dimension">
          {niceTicks(yLo, yHi, 6).map((t) => (
            <g key={`y${t}`}>
              <line
                className={t === 0 ? 'grid zero' : 'grid'}
                x1={M.left}
                x2={W - M.right}
                y1={y(t)}
                y2={y(t)}
              />
              <text className="tick" x={M.left - 6} y={y(t) + 4} textAnchor="end">
                {t}
              </text>
            </g>
          ))}
          {log2Ticks(2, 512).map((t) => (
            <g key={`x${t}`}>
              <line className="grid" x1={x(t)} x2={x(t)} y1={M.top} y2={H - M.bottom} />
              <text className="tick" x={x(t)} y={H - M.bottom + 16} textAnchor="middle">
                {t}
              </text>
            </g>
          ))}
          <text className="axis-label" x={(M.left + W - M.right) / 2} y={H - 6} textAnchor="middle">
            dimension n (log scale)
          </text>
          <text
            className="axis-label"
            transform={`translate(14 ${(M.top + H - M.bottom) / 2}) rotate(-90)`}
            textAnchor="middle"
          >
            max cosine
          </text>
          {boundCurves.map((c) =>
            c.points.length ? (
              <path
                key={c.key}
                d={pathOf(c.points.map(([n, v]) => [x(n), y(v)]))}
                fill="none"
                stroke={c.colour}
                strokeWidth={1.5}
                strokeDasharray={c.dash}
                opacity={0.9}
              />
            ) : null,
          )}
          {[...byMethod.entries()].map(([method, pts]) => {
            const colour = METHOD_COLOURS[method] ?? '#ccc';
            return (
              <g key={method} className="series">
                <path
                  d={pathOf(pts.map((o) => [x(o.n), y(o.maxCosine ?? 0)]))}
                  fill="none"
                  stroke={colour}
                  strokeWidth={1.8}
                />
                {pts.map((o) => (
                  <circle key={o.n} cx={x(o.n)} cy={y(o.maxCosine ?? 0)} r={2.6} fill={colour}>
                    <title>
                      {o.label}, n = {o.n}: {fixed(o.maxCosine ?? 0, 4)}
                      {o.note ? ` (${o.note})` : ''}
                    </title>
                  </circle>
                ))}
              </g>
            );
          })}
          <g transform={`translate(${W - M.right + 14} ${M.top})`} className="chart-legend">
            {[...new Set(state.outcomes.map((o) => o.method))].map((m, k) => {
              const label = state.outcomes.find((o) => o.method === m)?.label ?? m;
              return (
                <g key={m} transform={`translate(0 ${k * 16})`} opacity={byMethod.has(m) ? 1 : 0.4}>
                  <line
                    x1={0}
                    x2={16}
                    y1={0}
                    y2={0}
                    stroke={METHOD_COLOURS[m] ?? '#ccc'}
                    strokeWidth={2.4}
                  />
                  <text x={22} y={4}>
                    {label}
                  </text>
                </g>
              );
            })}
            {BOUND_STYLES.map((b, k) => (
              <g
                key={b.key}
                transform={`translate(0 ${(byMethod.size ? 10 : 0) + (new Set(state.outcomes.map((o) => o.method)).size + k) * 16})`}
              >
                <line
                  x1={0}
                  x2={16}
                  y1={0}
                  y2={0}
                  stroke={b.colour}
                  strokeWidth={1.6}
                  strokeDasharray={b.dash}
                />
                <text x={22} y={4}>
                  {b.short} {b.kind === 'lower' ? 'bound' : '(achievable)'}
                </text>
              </g>
            ))}
          </g>
        </svg>
        {notes.size > 0 && (
          <figcaption className="hint">
            Shortened runs: {[...notes.entries()].map(([m, note]) => `${m}: ${note}`).join(' · ')}
          </figcaption>
        )}
      </figure>
    </div>
  );
}
