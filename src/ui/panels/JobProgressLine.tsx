import type { LongJobState } from './useLongJob.ts';

/** Progress of a table or sweep: a bar, what runs now, and a cancel button. */
export function JobProgressLine({ state, onCancel }: { state: LongJobState; onCancel(): void }) {
  if (state.status === 'running') {
    return (
      <div className="analysis-progress" data-testid="analysis-progress">
        <progress max={100} value={Math.round(state.fraction * 100)} aria-label="progress" />
        <span className="hint">{state.label || 'starting'}</span>
        <button type="button" className="small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    );
  }
  if (state.status === 'cancelled')
    return <p className="hint">Cancelled; the results so far are shown.</p>;
  if (state.status === 'error') {
    return (
      <p className="error" role="alert">
        {state.error}
      </p>
    );
  }
  return null;
}
