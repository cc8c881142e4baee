/**
 * Every finished training run on the loaded data: separation against accuracy as a chart, a
 * card per run that puts its settings back, and a table to delete or export from. Runs on other
 * data are only counted: their accuracy is not comparable with these.
 */
import { useMemo, useState } from 'react';
import { subsetSignature } from '../../data/subsetSignature.ts';
import { download } from '../../scene/download.ts';
import { useData, useLab, useLabStores, useRuns, useTrain } from '../../state/labContext.ts';
import { type KeptRun, runsToCsv } from '../../state/runHistoryStore.ts';
import { applyHash } from '../../state/urlSync.ts';
import { LABELLINGS } from '../../train/labellings/registry.ts';
import { durationText, percent } from './format.ts';
import { RunCard } from './RunCard.tsx';
import { type LivePoint, RunChart } from './RunChart.tsx';
import { MarkIcon, shapeOf } from './RunMark.tsx';
import { useRedrawTiming } from './redrawTiming.ts';
import {
  labellingLabel,
  methodColour,
  methodLabel,
  metricText,
  RUN_METRICS,
  type RunMetric,
} from './runText.ts';

const plural = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;

export function RunHistory() {
  const stores = useLabStores();
  const subset = useData((s) => s.subset);
  const all = useRuns((s) => s.runs);
  const message = useRuns((s) => s.message);
  const phase = useTrain((s) => s.phase);
  // Per evaluation, not per batch: the live mark moves once an epoch.
  const liveAccuracy = useTrain((s) => s.last?.testAccuracy ?? null);
  const metrics = useLab((s) => s.current?.metrics ?? null);
  const [metric, setMetric] = useState<RunMetric>('maxCosine');
  const [hover, setHover] = useState<string | null>(null);
  const [pinned, setPinned] = useState<string | null>(null);
  // What a kept run costs the page: timed by the story benchmark.
  useRedrawTiming('run-history-redraw', all);

  const signature = useMemo(() => (subset ? subsetSignature(subset) : null), [subset]);
  const runs = useMemo(() => all.filter((r) => r.dataSignature === signature), [all, signature]);
  const others = all.length - runs.length;
  const running = phase === 'training' || phase === 'paused';
  const live: LivePoint | null =
    running && metrics && liveAccuracy !== null && Number.isFinite(liveAccuracy)
      ? { x: metrics[metric], y: liveAccuracy }
      : null;
  const busy = running || phase === 'starting';

  const otherLine = others > 0 && (
    <p className="hint" data-testid="run-history-others">
      {others === 1
        ? '1 run on other data is kept; load that data to see it.'
        : `${others} runs on other data are kept; load that data to see them.`}
    </p>
  );
  if (!subset || (runs.length === 0 && !live)) {
    if (!otherLine && !message) return null;
    return (
      <section className="run-history" data-testid="run-history" aria-label="Kept runs">
        {otherLine}
        {message && <p className="hint warning">{message}</p>}
      </section>
    );
  }

  const use = (run: KeptRun) => applyHash(stores.lab, run.hash, stores.train, stores.data);
  const newest = [...runs].reverse();
  // A failed run has no accuracy: it is listed with its reason, not drawn.
  const plotted = runs.filter((r) => !r.failed && Number.isFinite(r.testAccuracy));
  const methods = [...new Set(runs.map((r) => r.method))];
  const labellings = LABELLINGS.filter((l) => runs.some((r) => r.labelling === l.id));
  return (
    <section className="run-history" data-testid="run-history" aria-labelledby="run-history-title">
      <div className="run-history-head">
        <h3 id="run-history-title">Separation and accuracy of kept runs</h3>
        <label className="run-history-x">
          <span>x axis</span>
          <select
            id="run-history-x"
            value={metric}
            onChange={(e) => setMetric(e.target.value as RunMetric)}
          >
            {RUN_METRICS.map((m) => (
              <option key={m.key} value={m.key}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <RunChart
        runs={plotted}
        metric={metric}
        classes={subset.classNames.length}
        live={live}
        shown={hover ?? pinned}
        onHover={setHover}
        onPick={setPinned}
        card={(run) => (
          <RunCard
            run={run}
            busy={busy}
            onUse={use}
            onClose={() => {
              setPinned(null);
              setHover(null);
            }}
          />
        )}
      />
      <div className="run-legend">
        <ul aria-label="Colour: method">
          {methods.map((m) => (
            <li key={m}>
              <i style={{ background: methodColour(m) }} />
              {methodLabel(m)}
            </li>
          ))}
        </ul>
        <ul aria-label="Shape: labelling">
          {labellings.map((l) => (
            <li key={l.id}>
              <MarkIcon shape={shapeOf(l.id)} colour="var(--muted)" />
              {l.label}
            </li>
          ))}
          {live && (
            <li>
              <MarkIcon shape={0} colour="var(--text)" hollow />
              run in progress
            </li>
          )}
        </ul>
      </div>
      <div className="run-table-box">
        <table className="run-table">
          <caption className="visually-hidden">Kept runs on this data, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Method</th>
              <th scope="col" className="run-col-extra">
                Labelling
              </th>
              <th scope="col" className="run-col-extra">
                n
              </th>
              <th scope="col">Max cos</th>
              <th scope="col">Accuracy</th>
              <th scope="col">Time</th>
              <th scope="col">
                <span className="visually-hidden">Delete</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {newest.map((run) => (
              <tr
                key={run.id}
                data-testid="run-row"
                data-run-id={run.id}
                className={run.id === (hover ?? pinned) ? 'is-shown' : undefined}
                onMouseEnter={() => setHover(run.id)}
                onMouseLeave={() => setHover(null)}
              >
                <td>
                  <span className="run-method">
                    <MarkIcon shape={shapeOf(run.labelling)} colour={methodColour(run.method)} />
                    {methodLabel(run.method)}
                  </span>
                </td>
                <td className="run-col-extra">{labellingLabel(run.labelling)}</td>
                <td className="run-col-extra">{run.n}</td>
                <td>{metricText('maxCosine', run.maxCosine)}</td>
                <td>
                  {run.failed ? (
                    <span className="run-failed" data-testid="run-failed">
                      failed: {run.failed}
                    </span>
                  ) : (
                    percent(run.testAccuracy)
                  )}
                </td>
                <td>{durationText(run.timeMs)}</td>
                <td>
                  <button
                    type="button"
                    aria-label={`Delete the run of ${methodLabel(run.method)}${run.failed ? ' that failed' : ` at ${percent(run.testAccuracy)}`}`}
                    onClick={() => stores.runs.remove(run.id)}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="run-history-foot">
        <p className="hint" data-testid="run-history-count">
          {plural(runs.length, 'run', 'runs')} kept on this data
        </p>
        <button
          type="button"
          data-testid="run-export"
          disabled={runs.length === 0}
          onClick={() => download(runsToCsv(runs), 'training-runs.csv', 'text/csv')}
        >
          Export CSV
        </button>
      </div>
      {otherLine}
      {message && <p className="hint warning">{message}</p>}
    </section>
  );
}
