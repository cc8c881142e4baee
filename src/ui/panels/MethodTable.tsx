import { useMemo } from 'react';
import { separationBounds } from '../../core/bounds/index.ts';
import { fixed } from '../../scene/format.ts';
import { BOUND_STYLES } from './boundStyles.ts';
import { JobProgressLine } from './JobProgressLine.tsx';
import { useLongJob } from './useLongJob.ts';

/** Max cosines this close to the best count as ties (the 4 decimals shown agree). */
const TIE = 5e-5;

/**
 * Every method and bound at the current (N, n), run on request in an analysis worker (each
 * method with its default parameters; optimisers with fewer steps where N^2 n is large).
 */
export function MethodTable({ N, n, seed }: { N: number; n: number; seed: number }) {
  const { state, start, cancel } = useLongJob('table');
  const key = `N = ${N}, n = ${n}`;
  const bounds = useMemo(() => separationBounds(N, n), [N, n]);
  const stale = state.key !== null && state.key !== key;
  const best = Math.min(
    ...state.outcomes.flatMap((o) => (o.maxCosine === null ? [] : [o.maxCosine])),
  );
  return (
    <div className="method-table" data-testid="method-table">
      <div className="analysis-actions">
        <button
          type="button"
          className="primary small"
          disabled={state.status === 'running'}
          onClick={() => start({ kind: 'table', N, n, seed }, key)}
        >
          Compare all methods at {key}
        </button>
      </div>
      <JobProgressLine state={state} onCancel={cancel} />
      {state.outcomes.length > 0 && (
        <>
          {stale && (
            <p className="hint">
              These rows are for {state.key}; run again for {key}.
            </p>
          )}
          <table>
            <thead>
              <tr>
                <th scope="col">method</th>
                <th scope="col">max cos</th>
                <th scope="col">angle °</th>
                <th scope="col">time ms</th>
              </tr>
            </thead>
            <tbody>
              {state.outcomes.map((o) =>
                o.maxCosine === null ? (
                  <tr key={o.method} className="cannot">
                    <th scope="row">{o.label}</th>
                    <td colSpan={3}>{o.reason}</td>
                  </tr>
                ) : (
                  <tr key={o.method} className={o.maxCosine - best < TIE ? 'winner' : ''}>
                    <th scope="row">
                      {o.label}
                      {o.note && <span className="note"> ({o.note})</span>}
                    </th>
                    <td className="num">{fixed(o.maxCosine, 4)}</td>
                    <td className="num">{fixed(o.minAngleDeg ?? 0, 2)}</td>
                    <td className="num">{(o.timeMs ?? 0).toFixed(0)}</td>
                  </tr>
                ),
              )}
              {!stale &&
                BOUND_STYLES.map((b) => (
                  <tr key={b.key} className="bound-row">
                    <th scope="row">
                      <span className="swatch" style={{ background: b.colour }} /> {b.label}{' '}
                      <span className="note">
                        ({b.kind === 'lower' ? 'lower bound' : 'achievable'})
                      </span>
                    </th>
                    <td className="num">
                      {bounds[b.key] === null ? 'n/a' : fixed(bounds[b.key] ?? 0, 4)}
                    </td>
                    <td className="num" colSpan={2} />
                  </tr>
                ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
