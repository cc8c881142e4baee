import { LIMITS, METHODS } from '../core/methods/registry.ts';
import { UI_MAX_N } from '../state/defaults.ts';
import { useLab } from '../state/labContext.ts';
import { MethodParams } from './controls/MethodParams.tsx';
import { NumberField } from './controls/NumberField.tsx';
import './controls/controls.css';

/**
 * Method (with its parameters), sizes and seed. Every change remakes the prototypes at once, in
 * the worker; the run controls below pause, step, reset and cancel that job.
 */
export function Controls() {
  const request = useLab((s) => s.request);
  const error = useLab((s) => s.error);
  const setRequest = useLab((s) => s.setRequest);
  const showLabels = useLab((s) => s.showLabels);
  const showGrid = useLab((s) => s.showGrid);
  const showRays = useLab((s) => s.showRays);
  const toggle = useLab((s) => s.toggle);
  const method = METHODS.find((m) => m.id === request.method);

  return (
    <section className="card" aria-labelledby="controls-title">
      <h2 id="controls-title">Prototypes</h2>
      <label className="field">
        <span>Method</span>
        <select
          id="method"
          value={request.method}
          onChange={(e) => setRequest({ method: e.target.value })}
        >
          {METHODS.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      {method && <p className="hint">{method.description}</p>}
      <div className="row">
        <label className="field" htmlFor="N">
          <span>
            Classes <var>N</var>
          </span>
          <NumberField
            id="N"
            integer
            min={LIMITS.N.min}
            max={UI_MAX_N}
            value={request.N}
            onValue={(N) => setRequest({ N })}
          />
        </label>
        <label className="field" htmlFor="n">
          <span>
            Dimension <var>n</var>
          </span>
          <NumberField
            id="n"
            integer
            min={LIMITS.n.min}
            max={LIMITS.n.max}
            value={request.n}
            onValue={(n) => setRequest({ n })}
            title="n = 3: the sphere S^2; n = 4: S^3 projected; any n: a 3D projection"
          />
        </label>
      </div>
      <label className="field" htmlFor="seed">
        <span>Seed</span>
        <div className="with-button">
          <NumberField
            id="seed"
            integer
            min={LIMITS.seed.min}
            max={LIMITS.seed.max}
            value={request.seed}
            onValue={(seed) => setRequest({ seed })}
          />
          <button
            type="button"
            title="New random seed"
            aria-label="New random seed"
            onClick={() => setRequest({ seed: Math.floor(Math.random() * 1e6) })}
          >
            New
          </button>
        </div>
      </label>
      {method && <MethodParams key={method.id} method={method} />}
      {error && (
        <p className="error" role="alert" data-testid="error">
          {error}
        </p>
      )}
      <fieldset className="toggles">
        <legend>Show</legend>
        <label>
          <input type="checkbox" checked={showLabels} onChange={() => toggle('showLabels')} />
          labels
        </label>
        <label>
          <input type="checkbox" checked={showRays} onChange={() => toggle('showRays')} />
          rays
        </label>
        <label>
          <input type="checkbox" checked={showGrid} onChange={() => toggle('showGrid')} />
          grid
        </label>
      </fieldset>
    </section>
  );
}
