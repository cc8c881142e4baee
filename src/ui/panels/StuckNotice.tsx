/**
 * When a method leaves two prototypes nearly together (their angle under half of what any N
 * points can reach), one sentence says so next to the numbers, with the remedies one click away:
 * a smaller step for log-sum-exp (the authors' step of 0.2 stalls at N = 12 on S^2; 0.1 reaches
 * the icosahedron), or the best-found prototypes.
 */
import { plannedBestParams } from '../../core/methods/best.ts';
import { cosineToDegrees } from '../../core/metrics/separation.ts';
import { fixed } from '../../scene/format.ts';
import { useLab, useLabStore } from '../../state/labContext.ts';

/** Under this share of the best possible angle, two prototypes count as nearly together. */
const STUCK_SHARE = 0.5;

/** Within this many degrees of the bound, prototypes count as as good as any can be. */
const AT_BOUND_DEG = 0.05;

/**
 * Always next to the numbers: how far the prototypes are from the best any N points can do, and
 * one click to better ones (unless they are stuck: StuckNotice says more, with the same button).
 */
export function BetterNotice({ lowerBound }: { readonly lowerBound: number }) {
  const current = useLab((s) => s.current);
  const store = useLabStore();
  if (!current) return null;
  const best = cosineToDegrees(lowerBound);
  const angle = current.metrics.minAngleDeg;
  if (angle < STUCK_SHARE * best) return null;
  if (angle >= best - AT_BOUND_DEG) {
    return (
      <p className="better" data-testid="metric-better">
        Optimal: no {current.N} points on this sphere can all be further apart than these (
        {fixed(best, 2)}°).
      </p>
    );
  }
  return (
    <p className="better" data-testid="metric-better">
      The closest pair is {fixed(angle, 1)}° apart; {current.N} points can reach at most{' '}
      {fixed(best, 1)}°.{' '}
      {current.method !== 'best' && (
        <button
          type="button"
          data-testid="find-better"
          onClick={() =>
            store.getState().setRequest({
              method: 'best',
              params: plannedBestParams(current.N, current.n),
            })
          }
        >
          Find better prototypes
        </button>
      )}
    </p>
  );
}

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
          <button
            type="button"
            onClick={() =>
              setRequest({ method: 'best', params: plannedBestParams(current.N, current.n) })
            }
          >
            Best found prototypes
          </button>
        )}
      </div>
    </div>
  );
}
