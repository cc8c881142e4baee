/**
 * When a method leaves two prototypes nearly together (their angle under half of what any N
 * points can reach), one sentence says so next to the numbers, with the remedies one click away:
 * a smaller step for log-sum-exp (the authors' step of 0.2 stalls at N = 12 on S^2; 0.1 reaches
 * the icosahedron), or the best-found prototypes.
 */
import { cosineToDegrees } from '../../core/metrics/separation.ts';
import { fixed } from '../../scene/format.ts';
import { useLab, useLabStore } from '../../state/labContext.ts';

/** Under this share of the best possible angle, two prototypes count as nearly together. */
const STUCK_SHARE = 0.5;

export function StuckNotice({ lowerBound }: { readonly lowerBound: number }) {
  const current = useLab((s) => s.current);
  const store = useLabStore();
  if (!current) return null;
  const best = cosineToDegrees(lowerBound);
  if (!(current.metrics.minAngleDeg < STUCK_SHARE * best)) return null;
  const lr = current.method === 'lse' ? Number(current.params.lr ?? 0.2) : null;
  const { setRequest } = store.getState();
  return (
    <div className="stuck" data-testid="metric-stuck" role="note">
      <p>
        Two prototypes are stuck nearly together: {fixed(current.metrics.minAngleDeg, 1)}° apart,
        while no {current.N} points on this sphere can all be more than {fixed(best, 1)}° apart.
      </p>
      <div className="stuck-actions">
        {lr !== null && lr > 0.01 && (
          <button
            type="button"
            onClick={() => setRequest({ params: { ...current.params, lr: lr / 2 } })}
          >
            Halve the step size ({fixed(lr / 2, 3)})
          </button>
        )}
        {current.method !== 'best' && (
          <button type="button" onClick={() => setRequest({ method: 'best', params: {} })}>
            Best found prototypes
          </button>
        )}
      </div>
    </div>
  );
}
