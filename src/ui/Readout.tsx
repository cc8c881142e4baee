import { METHODS } from '../core/methods/registry.ts';
import { useLab } from '../state/store.ts';
import { fixed } from './format.ts';

/** The separation of the prototypes on screen (which may differ from a failed request). */
export function Readout() {
  const current = useLab((s) => s.current);
  if (!current) return null;
  const { metrics } = current;
  const label = METHODS.find((m) => m.id === current.method)?.label ?? current.method;
  return (
    <section className="card readout" aria-labelledby="readout-title" data-testid="readout">
      <h2 id="readout-title">Separation</h2>
      <p className="shown" data-testid="shown">
        {label} · <var>N</var> = {current.N} · <var>n</var> = {current.n}
      </p>
      <dl>
        <div>
          <dt>max cosine</dt>
          <dd data-testid="max-cosine">{fixed(metrics.maxCosine, 4)}</dd>
        </div>
        <div>
          <dt>min angle</dt>
          <dd data-testid="min-angle">{fixed(metrics.minAngleDeg, 2)}°</dd>
        </div>
        <div>
          <dt>mean cosine</dt>
          <dd data-testid="mean-cosine">{fixed(metrics.meanCosine, 4)}</dd>
        </div>
      </dl>
      <p className="hint">
        Lower max cosine means better separated classes. The closest pair sets the score.
      </p>
    </section>
  );
}
