/** One kept run in full, and the button that puts its settings back on the page. */
import type { KeptRun } from '../../state/runHistoryStore.ts';
import { durationText, percent } from './format.ts';
import {
  dateText,
  LOSS_LABELS,
  labellingLabel,
  MODE_LABELS,
  methodLabel,
  metricText,
} from './runText.ts';

interface Props {
  readonly run: KeptRun;
  /** While a run trains its settings stay put; the card says so instead of offering the button. */
  readonly busy: boolean;
  onUse(run: KeptRun): void;
  onClose(): void;
}

export function RunCard({ run, busy, onUse, onClose }: Props) {
  const rows: [string, string][] = [
    ['Prototypes', `N ${run.N}, n ${run.n}, seed ${run.seed}`],
    ['Labelling', labellingLabel(run.labelling)],
    ['Loss', LOSS_LABELS[run.loss] ?? 'unknown'],
    [
      'Model',
      `${MODE_LABELS[run.mode] ?? 'unknown'}, ${run.epochs} epochs${run.hiddenUnits === 0 ? ', linear head' : ''}`,
    ],
    ...(run.question ? ([['Asked by', run.question]] as [string, string][]) : []),
    [
      'Separation',
      `max cosine ${metricText('maxCosine', run.maxCosine)}, min angle ${metricText('minAngleDeg', run.minAngleDeg)}`,
    ],
    ['Test accuracy', percent(run.testAccuracy)],
    ['Time', `${durationText(run.timeMs)}, finished ${dateText(run.finishedAt)}`],
  ];
  return (
    <section className="run-card" data-testid="run-card" aria-label="Kept run">
      <header>
        <strong>{methodLabel(run.method)}</strong>
        <button type="button" className="run-card-close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <dl>
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <button
        type="button"
        className="primary"
        data-testid="run-use"
        disabled={busy}
        title={busy ? 'Wait until the run in progress ends' : undefined}
        onClick={() => onUse(run)}
      >
        Use these settings
      </button>
    </section>
  );
}
