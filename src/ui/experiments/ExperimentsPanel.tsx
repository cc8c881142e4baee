/**
 * Experiments: queue one model per method, labelling and seed on the loaded subset, watch
 * accuracy against separation fill in, cancel, resume after a reload, export.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { METHODS, methodLabel } from '../../core/methods/registry.ts';
import { experimentDataOf } from '../../state/experimentData.ts';
import { useData, useExperiments, useLabStores } from '../../state/labContext.ts';
import { resultsToCsv } from '../../train/experiment/csv.ts';
import { ExperimentSpecError, planRuns } from '../../train/experiment/plan.ts';
import { PRESETS } from '../../train/experiment/presets.ts';
import { scatterData } from '../../train/experiment/scatter.ts';
import { summarise } from '../../train/experiment/stats.ts';
import {
  type ExperimentSpec,
  SEPARATION_METRICS,
  type SeparationMetricName,
} from '../../train/experiment/types.ts';
import { DEFAULT_LABELLING_OPTIONS } from '../../train/labellings/options.ts';
import {
  getLabelling,
  LABELLINGS,
  type LabellingName,
  labellingLabel,
} from '../../train/labellings/registry.ts';
import { DEFAULT_TRAIN_CONFIG } from '../../train/types.ts';
import { download, svgText, svgToPng } from './exportChart.ts';
import { progressText } from './progressText.ts';
import { Verdict } from './Questions.tsx';
import { RelabelViews } from './RelabelViews.tsx';
import { Scatter } from './Scatter.tsx';

const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(2)}%` : '–');

function SpecForm() {
  const { experiments } = useLabStores();
  const subset = useData((s) => s.subset);
  const dataset = useData((s) => s.dataset);
  const [spec, setSpec] = useState<ExperimentSpec>(PRESETS[1].spec);
  const [error, setError] = useState<string | null>(null);
  const toggle = <T extends string>(list: readonly T[], x: T) =>
    list.includes(x) ? list.filter((y) => y !== x) : [...list, x];
  const runs = (() => {
    try {
      return planRuns(spec).length;
    } catch {
      return 0;
    }
  })();
  function queue() {
    if (!subset) {
      setError('Load CIFAR-10 or CIFAR-100 in the Data panel first.');
      return;
    }
    try {
      const { dataset: d, data } = experimentDataOf(subset, dataset);
      const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
      const title =
        `N = ${subset.classNames.length}, n = ${spec.n}: ${spec.methods.map(methodLabel).join(', ')} x ` +
        `${spec.labellings.map((l) => getLabelling(l).label).join(', ')}; ${plural(spec.seeds, 'seed')}, ${plural(spec.config.epochs, 'epoch')}, ` +
        `${spec.config.mode}${spec.config.mode === 'fast' ? (spec.config.hiddenUnits === 0 ? ' linear' : ' MLP') : ''}`;
      experiments.queue({ ...spec, title }, d, data);
      setError(null);
    } catch (e) {
      setError(e instanceof ExperimentSpecError ? e.message : (e as Error).message);
    }
  }
  const config = spec.config;
  return (
    <form
      className="exp-form"
      onSubmit={(e) => {
        e.preventDefault();
        queue();
      }}
    >
      <label>
        Preset{' '}
        <select
          aria-label="Preset"
          onChange={(e) => {
            const p = PRESETS.find((x) => x.id === e.target.value);
            if (p) setSpec(p.spec);
          }}
          defaultValue={PRESETS[1].id}
        >
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title} (needs {p.needs})
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>Methods</legend>
        {METHODS.map((m) => (
          <label key={m.id} className="exp-check">
            <input
              type="checkbox"
              name={`method-${m.id}`}
              checked={spec.methods.includes(m.id)}
              onChange={() => setSpec({ ...spec, methods: toggle(spec.methods, m.id) })}
            />
            {m.label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Labellings</legend>
        {LABELLINGS.map((l) => (
          <label key={l.id} className="exp-check" title={l.description}>
            <input
              type="checkbox"
              name={`labelling-${l.id}`}
              checked={spec.labellings.includes(l.id)}
              onChange={() =>
                setSpec({
                  ...spec,
                  labellings: toggle<LabellingName>(spec.labellings, l.id),
                })
              }
            />
            {l.label}
          </label>
        ))}
      </fieldset>
      <div className="exp-row">
        <label>
          n{' '}
          <input
            name="exp-n"
            type="number"
            min={2}
            value={spec.n}
            onChange={(e) => setSpec({ ...spec, n: Number(e.target.value) })}
          />
        </label>
        <label>
          Seeds{' '}
          <input
            name="exp-seeds"
            type="number"
            min={1}
            value={spec.seeds}
            onChange={(e) => setSpec({ ...spec, seeds: Number(e.target.value) })}
          />
        </label>
        <label>
          Epochs{' '}
          <input
            name="exp-epochs"
            type="number"
            min={1}
            value={config.epochs}
            onChange={(e) =>
              setSpec({ ...spec, config: { ...config, epochs: Number(e.target.value) } })
            }
          />
        </label>
        <label>
          Mode{' '}
          <select
            name="exp-mode"
            value={config.mode}
            onChange={(e) =>
              setSpec({ ...spec, config: { ...config, mode: e.target.value as 'fast' | 'cnn' } })
            }
          >
            <option value="fast">fast (head on features)</option>
            <option value="cnn">cnn (end to end)</option>
          </select>
        </label>
        <label>
          Head{' '}
          <select
            name="exp-head"
            value={config.hiddenUnits === 0 ? 'linear' : 'mlp'}
            onChange={(e) =>
              setSpec({
                ...spec,
                config: {
                  ...config,
                  hiddenUnits:
                    e.target.value === 'linear' ? 0 : (DEFAULT_TRAIN_CONFIG.hiddenUnits ?? 128),
                },
              })
            }
          >
            <option value="mlp">MLP ({DEFAULT_TRAIN_CONFIG.hiddenUnits} hidden)</option>
            <option value="linear">linear</option>
          </select>
        </label>
      </div>
      <p className="hint">
        N = the number of classes of the loaded subset
        {subset ? ` (${subset.classNames.length})` : ''}. {runs} runs, each {config.epochs} epoch
        {config.epochs === 1 ? '' : 's'}, learning rate {config.learningRate}, batch{' '}
        {config.batchSize}; {labellingLabel('hungarian')}: warm-up{' '}
        {DEFAULT_LABELLING_OPTIONS.warmupEpochs} epoch.
      </p>
      <button type="submit" data-testid="exp-queue">
        Queue experiment
      </button>
      {error && (
        <p className="error" role="alert" data-testid="exp-error">
          {error}
        </p>
      )}
    </form>
  );
}

function ExperimentList() {
  const { experiments } = useLabStores();
  const list = useExperiments((s) => s.experiments);
  const results = useExperiments((s) => s.results);
  const running = useExperiments((s) => s.running);
  const selectedId = useExperiments((s) => s.selectedId);
  const subset = useData((s) => s.subset);
  const dataset = useData((s) => s.dataset);
  if (list.length === 0) return <p className="hint">No experiments yet.</p>;
  return (
    <ul className="exp-list" data-testid="exp-list">
      {list.map((e) => {
        const total = planRuns(e.spec).length;
        const done = results[e.id]?.length ?? 0;
        const progress = running?.id === e.id ? running.progress : null;
        return (
          <li key={e.id} data-status={e.status} aria-current={e.id === selectedId}>
            <button type="button" className="linklike" onClick={() => experiments.select(e.id)}>
              {e.spec.title}
            </button>{' '}
            <span data-testid="exp-status">
              {e.status}: {done} of {total} runs
            </span>{' '}
            <span className="hint">{e.dataset.label}</span>
            {progress && running && (
              <span className="hint" data-testid="exp-progress">
                {' '}
                {progressText(progress, running, total)}
              </span>
            )}{' '}
            {(e.status === 'running' || e.status === 'queued') && (
              <button type="button" onClick={() => experiments.cancel(e.id)}>
                Cancel
              </button>
            )}
            {(e.status === 'cancelled' || e.status === 'failed') && done < total && (
              <button
                type="button"
                disabled={!subset}
                onClick={() => {
                  if (!subset) return;
                  const { dataset: d, data } = experimentDataOf(subset, dataset);
                  experiments.resume(e.id, d, data);
                }}
              >
                Resume
              </button>
            )}{' '}
            <button type="button" onClick={() => experiments.remove(e.id)}>
              Delete
            </button>
            {e.error && <span className="error"> {e.error}</span>}
          </li>
        );
      })}
    </ul>
  );
}

function ExperimentDetail() {
  const selectedId = useExperiments((s) => s.selectedId);
  const record = useExperiments((s) => s.experiments.find((e) => e.id === s.selectedId));
  const results = useExperiments((s) => (selectedId ? s.results[selectedId] : undefined));
  const [metric, setMetric] = useState<SeparationMetricName>('maxCosine');
  const svg = useRef<SVGSVGElement>(null);
  const list = results ?? [];
  const chart = useMemo(() => scatterData(list, metric), [list, metric]);
  const summary = useMemo(() => summarise(list), [list]);
  if (!record) return null;
  const name = record.spec.title.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const metricLabel = SEPARATION_METRICS.find((m) => m.id === metric)?.label ?? metric;
  return (
    <div className="exp-detail" data-testid="exp-detail">
      <div className="exp-row">
        <label>
          Separation{' '}
          <select
            aria-label="Separation metric"
            value={metric}
            onChange={(e) => setMetric(e.target.value as SeparationMetricName)}
          >
            {SEPARATION_METRICS.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          data-testid="exp-csv"
          disabled={list.length === 0}
          onClick={() =>
            download(`${name}.csv`, new Blob([resultsToCsv(list)], { type: 'text/csv' }))
          }
        >
          CSV
        </button>
        <button
          type="button"
          disabled={list.length === 0}
          onClick={() => {
            if (svg.current)
              download(`${name}.svg`, new Blob([svgText(svg.current)], { type: 'image/svg+xml' }));
          }}
        >
          SVG
        </button>
        <button
          type="button"
          disabled={list.length === 0}
          onClick={async () => {
            if (svg.current) download(`${name}.png`, await svgToPng(svg.current));
          }}
        >
          PNG
        </button>
      </div>
      <Verdict record={record} results={list} />
      <Scatter
        ref={svg}
        points={chart.points}
        groups={chart.groups}
        xLabel={metricLabel}
        classes={list[0]?.N ?? 0}
      />
      <table className="exp-summary" data-testid="exp-summary">
        <thead>
          <tr>
            <th>method</th>
            <th>labelling</th>
            <th>runs</th>
            <th>mean accuracy</th>
            <th>std</th>
            <th>{metricLabel}</th>
          </tr>
        </thead>
        <tbody>
          {summary.map((s) => (
            <tr key={`${s.method}|${s.labelling}`}>
              <td>{methodLabel(s.method)}</td>
              <td>{getLabelling(s.labelling).label}</td>
              <td>{s.runs}</td>
              <td>{pct(s.meanAccuracy)}</td>
              <td>{pct(s.stdAccuracy)}</td>
              <td>
                {(metric === 'maxCosine'
                  ? s.meanMaxCosine
                  : metric === 'minAngleDeg'
                    ? s.meanMinAngleDeg
                    : s.meanMeanCosine
                ).toFixed(4)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary>Runs ({list.length})</summary>
        <ul className="exp-runs" data-testid="exp-runs">
          {list.map((r) => (
            <li key={r.key} data-key={r.key}>
              {methodLabel(r.method)}, {getLabelling(r.labelling).label}, seed {r.seed}:{' '}
              {pct(r.testAccuracy)}, max cosine {r.maxCosine.toFixed(4)},{' '}
              {(r.timeMs / 1000).toFixed(1)} s
            </li>
          ))}
        </ul>
      </details>
      <RelabelViews key={record.id} record={record} results={list} />
    </div>
  );
}

export function ExperimentsPanel() {
  const { experiments } = useLabStores();
  useEffect(() => void experiments.init(), [experiments]);
  const message = useExperiments((s) => s.message);
  const loaded = useExperiments((s) => s.loaded);
  return (
    <section
      className="card exp-panel"
      aria-labelledby="exp-title"
      data-testid="experiments-panel"
      data-loaded={loaded}
    >
      <h2 id="exp-title">Experiments: accuracy against separation</h2>
      <p className="hint">
        The two one-click questions (“Does separation matter?”, “Does the labelling matter?”) are in
        the Training panel, beside the chart of kept runs; their experiments are listed here too,
        with every run.
      </p>
      <SpecForm />
      {message && (
        <p className="error" role="alert">
          {message}
        </p>
      )}
      <ExperimentList />
      <ExperimentDetail />
    </section>
  );
}
