import './panels.css';
import { useMemo } from 'react';
import { separationBounds } from '../../core/bounds/index.ts';
import { METHODS } from '../../core/methods/registry.ts';
import { fixed } from '../../scene/format.ts';
import { useLab } from '../../state/labContext.ts';
import { BOUND_STYLES } from './boundStyles.ts';
import { BetterNotice, StuckNotice } from './StuckNotice.tsx';

/** Cosine text: 4 decimals, or "n/a" for a bound that does not apply. */
function cos4(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : fixed(x, 4);
}

function timeText(ms: number): string {
  if (ms < 1) return '< 1';
  if (ms < 10_000) return ms.toFixed(0);
  return (ms / 1000).toFixed(1);
}

/**
 * The separation of the prototypes on screen and how far they are from the bounds, always
 * visible. Every number sits alone in an element with a data-testid (units are separate), so
 * tests and screen readers read "109.47", not "109.47°".
 */
export function MetricsPanel() {
  const current = useLab((s) => s.current);
  const job = useLab((s) => s.job);
  const N = current?.N ?? 0;
  const n = current?.n ?? 0;
  const bounds = useMemo(() => (N >= 2 && n >= 1 ? separationBounds(N, n) : null), [N, n]);
  if (!current || !bounds) {
    return (
      <section className="card metrics" aria-label="Separation" data-testid="metrics">
        <h2>Separation</h2>
        <p className="hint">Making the first prototypes…</p>
      </section>
    );
  }
  const { metrics } = current;
  const label = METHODS.find((m) => m.id === current.method)?.label ?? current.method;
  const gap = metrics.maxCosine - bounds.lower;
  const seconds = current.timeMs >= 10_000;
  return (
    <section
      className="card metrics"
      aria-labelledby="metrics-title"
      data-testid="metrics"
      aria-live="polite"
    >
      <h2 id="metrics-title">Separation</h2>
      <p className="shown" data-testid="shown">
        {label} · <var>N</var> = {current.N} · <var>n</var> = {current.n}
      </p>
      <dl className="metric-grid">
        <div className="metric metric-main">
          <dt>max cosine</dt>
          <dd>
            <span className="num" data-testid="metric-max-cosine">
              {cos4(metrics.maxCosine)}
            </span>
          </dd>
        </div>
        <div className="metric metric-main">
          <dt>min angle</dt>
          <dd>
            <span className="num" data-testid="metric-min-angle">
              {fixed(metrics.minAngleDeg, 2)}
            </span>
            <span className="unit">°</span>
          </dd>
        </div>
        <div className="metric">
          <dt>mean cosine</dt>
          <dd>
            <span className="num" data-testid="metric-mean-cosine">
              {cos4(metrics.meanCosine)}
            </span>
          </dd>
        </div>
        <div className="metric">
          <dt title="max cosine minus the strongest lower bound: 0 means provably optimal">
            gap to bound
          </dt>
          <dd>
            <span className={`num ${gap < 5e-5 ? 'good' : ''}`} data-testid="metric-gap">
              {cos4(gap)}
            </span>
          </dd>
        </div>
      </dl>
      <StuckNotice lowerBound={bounds.lower} />
      <BetterNotice lowerBound={bounds.lower} />
      {job && job.maxCosine !== null && (
        <p className="metric-live">
          running now: max cosine{' '}
          <span data-testid="metric-live-max-cosine">{cos4(job.maxCosine)}</span>
        </p>
      )}
      <h3 className="metrics-sub">
        Bounds at <var>N</var> = {current.N}, <var>n</var> = {current.n}
      </h3>
      <dl className="bound-list">
        {BOUND_STYLES.map((b) => {
          const value = bounds[b.key];
          const strongest = b.kind === 'lower' && value !== null && value === bounds.lower;
          return (
            <div key={b.key} className={`bound ${strongest ? 'strongest' : ''}`}>
              <dt>
                <span className="swatch" style={{ background: b.colour }} aria-hidden="true" />
                {b.label}
                <span className="bound-kind">{b.kind === 'lower' ? '≥' : 'achievable'}</span>
              </dt>
              <dd>
                <span className="num" data-testid={b.testId}>
                  {cos4(value)}
                </span>
              </dd>
            </div>
          );
        })}
      </dl>
      <p className="metric-route">
        {current.route ? (
          <>
            route: <span data-testid="metric-route">{current.route}</span> ·{' '}
          </>
        ) : null}
        {current.steps !== undefined ? <>{current.steps} steps · </> : null}
        time <span data-testid="metric-time">{timeText(current.timeMs)}</span>
        <span className="unit">{seconds ? ' s' : ' ms'}</span>
      </p>
      <p className="hint">
        Lower max cosine: better separated classes. No codebook beats a lower bound (≥); the
        strongest one is highlighted.
      </p>
    </section>
  );
}
