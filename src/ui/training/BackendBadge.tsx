import { useRef } from 'react';
import { useTrain, useTrainStore } from '../../state/labContext.ts';
import {
  BACKEND_CHOICES,
  BACKEND_LABEL,
  type BackendChoice,
  type BackendProbe,
} from '../../train/browser/choose.ts';
import { rateText } from './format.ts';
import { useLiveDraw } from './useLive.ts';

const KIND_WORD: Record<BackendProbe['kind'], string> = {
  gpu: 'GPU',
  software: 'software',
  cpu: 'CPU',
};

/**
 * Which backend trains, why, and how fast: the badge, the manual override (for the next run),
 * the calibration numbers and the measured images a second of the steps so far.
 */
export function BackendBadge({ locked }: { readonly locked: boolean }) {
  const train = useTrainStore();
  const selection = useTrain((s) => s.backend);
  const choice = useTrain((s) => s.settings.backend);
  const rate = useRef<HTMLSpanElement>(null);
  useLiveDraw((live) => {
    const el = rate.current;
    if (!el) return;
    el.textContent = rateText(live.imagesPerSecond);
    el.dataset.value = String(live.imagesPerSecond);
  });
  const chosen = selection?.probes.find((p) => p.name === selection.name);
  return (
    <div className="train-backend">
      <div className="train-badge-row">
        <span
          className={`train-badge ${selection ? `is-${selection.name}` : 'is-none'}`}
          data-testid="train-backend"
          data-backend={selection?.name ?? ''}
          title={selection?.reason ?? 'The backend is chosen when training starts'}
        >
          {selection ? BACKEND_LABEL[selection.name] : 'no backend yet'}
          {selection?.engine
            ? ` · ${selection.engine}`
            : chosen && chosen.kind !== 'gpu' && ` · ${KIND_WORD[chosen.kind]}`}
        </span>
        <span className="train-rate" data-testid="train-rate" ref={rate} aria-live="off">
          –
        </span>
        <label htmlFor="train-backend-choice" className="train-inline-label">
          Backend
        </label>
        <select
          id="train-backend-choice"
          value={choice}
          disabled={locked}
          title="auto: WebGPU, then WebGL, then CPU; a GPU emulated in software is timed first"
          onChange={(e) =>
            train.getState().setSettings({ backend: e.target.value as BackendChoice })
          }
        >
          {BACKEND_CHOICES.map((c) => (
            <option key={c} value={c}>
              {c === 'auto' ? 'auto' : BACKEND_LABEL[c]}
            </option>
          ))}
        </select>
      </div>
      {selection && (
        <p className="hint train-backend-why" data-testid="train-backend-reason">
          {selection.reason}.
        </p>
      )}
      {selection && (
        <ul className="train-probes" aria-label="Backends found">
          {selection.probes.map((p) => (
            <li key={p.name} className={p.available ? '' : 'unavailable'}>
              <strong>{BACKEND_LABEL[p.name]}</strong>{' '}
              {p.available ? probeText(p) : `unavailable: ${p.detail}`}
              {p.imagesPerSecond !== undefined &&
                (p.imagesPerSecond > 0
                  ? ` · calibration ${rateText(p.imagesPerSecond)}`
                  : ' · calibration: no step finished in time')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** "software: SwiftShader …" for a GPU backend; the CPU's line already says CPU in its name. */
function probeText(p: BackendProbe): string {
  return p.kind === 'cpu' ? `via ${p.detail}` : `${KIND_WORD[p.kind]}: ${p.detail}`;
}
