import { useState } from 'react';
import { LIMITS, METHODS } from '../core/methods/registry.ts';
import { UI_MAX_N } from '../state/prototypes.ts';
import { useLab } from '../state/store.ts';

/** Method, sizes and seed. Every change remakes the prototypes at once (small N only for now). */
export function Controls() {
  const request = useLab((s) => s.request);
  const error = useLab((s) => s.error);
  const setRequest = useLab((s) => s.setRequest);
  const showLabels = useLab((s) => s.showLabels);
  const showGrid = useLab((s) => s.showGrid);
  const showRays = useLab((s) => s.showRays);
  const toggle = useLab((s) => s.toggle);
  // Number fields keep their own text so that half-typed values ("", "1" on the way to "12") are
  // allowed; the store gets every value and reports the ones it cannot use.
  const [Ntext, setNtext] = useState(String(request.N));
  const [seedText, setSeedText] = useState(String(request.seed));
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
        <label className="field">
          <span>
            Classes <var>N</var>
          </span>
          <input
            id="N"
            type="number"
            inputMode="numeric"
            min={LIMITS.N.min}
            max={UI_MAX_N}
            step={1}
            value={Ntext}
            onChange={(e) => {
              setNtext(e.target.value);
              setRequest({ N: Number(e.target.value) });
            }}
          />
        </label>
        <label className="field">
          <span>
            Dimension <var>n</var>
          </span>
          <input id="n" type="number" value={request.n} disabled title="n = 3 for now" />
        </label>
      </div>
      <label className="field">
        <span>Seed</span>
        <div className="with-button">
          <input
            id="seed"
            type="number"
            inputMode="numeric"
            min={LIMITS.seed.min}
            max={LIMITS.seed.max}
            step={1}
            value={seedText}
            onChange={(e) => {
              setSeedText(e.target.value);
              setRequest({ seed: Number(e.target.value) });
            }}
          />
          <button
            type="button"
            title="New random seed"
            onClick={() => {
              const seed = Math.floor(Math.random() * 1e6);
              setSeedText(String(seed));
              setRequest({ seed });
            }}
          >
            New
          </button>
        </div>
      </label>
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
