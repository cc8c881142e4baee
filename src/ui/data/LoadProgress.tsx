import { useData } from '../../state/labContext.ts';
import { formatBytes } from './formatBytes.ts';

/** The running load: what, how far, and a Cancel button. */
export function LoadProgress() {
  const loading = useData((s) => s.loading);
  const cancel = useData((s) => s.cancelLoad);
  if (!loading) return null;
  const { loaded, total, what } = loading;
  const fraction = total > 0 ? Math.min(1, loaded / total) : 0;
  return (
    <div className="data-progress" data-testid="data-progress">
      <div className="data-progress-line">
        <span>
          Loading {what}:{' '}
          {total > 0 ? `${formatBytes(loaded)} of ${formatBytes(total)}` : 'starting'}
        </span>
        <button type="button" onClick={cancel} data-testid="data-cancel">
          Cancel
        </button>
      </div>
      <progress max={1} value={fraction} aria-label="Loading progress" />
    </div>
  );
}
