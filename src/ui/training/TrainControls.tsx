import { useRef } from 'react';
import type { TrainInputResult } from '../../jobs/trainInput.ts';
import { useTrain, useTrainStore } from '../../state/labContext.ts';
import { lossText, percent } from './format.ts';
import { useLiveDraw } from './useLive.ts';

/** Start, pause, resume, step, stop and reset, with the progress of the run in one line. */
export function TrainControls({ ready }: { readonly ready: TrainInputResult }) {
  const phase = useTrain((s) => s.phase);
  const epochs = useTrain((s) => s.run?.input.config.epochs ?? 0);
  const store = useTrainStore().getState();
  const running = phase === 'starting' || phase === 'training' || phase === 'paused';
  const start = () => {
    if (ready.ok) store.start(ready.input, ready.classNames);
  };
  const step = () => {
    if (running) store.step();
    else if (ready.ok) store.step(ready.input, ready.classNames);
  };
  const line = useRef<HTMLParagraphElement>(null);
  useLiveDraw((live) => {
    const el = line.current;
    const b = live.lastBatch;
    if (!el) return;
    if (!b) {
      el.textContent = '';
      delete el.dataset.steps;
      return;
    }
    const acc = live.liveAccuracy === null ? '' : ` · test accuracy ${percent(live.liveAccuracy)}`;
    el.textContent = `Epoch ${b.epoch + 1} of ${epochs} · batch ${b.batch + 1} of ${b.batchesPerEpoch} · loss ${lossText(b.loss)}${acc}`;
    el.dataset.steps = String(live.batchLoss.length);
  });
  return (
    <div className="train-controls">
      <div className="button-row">
        <button
          type="button"
          className="primary"
          data-testid="train-start"
          disabled={!ready.ok || running}
          onClick={start}
        >
          {phase === 'done' || phase === 'stopped' || phase === 'error' ? 'Train again' : 'Train'}
        </button>
        {phase === 'paused' ? (
          <button type="button" data-testid="train-resume" onClick={() => store.resume()}>
            Resume
          </button>
        ) : (
          <button
            type="button"
            data-testid="train-pause"
            disabled={!running}
            onClick={() => store.pause()}
          >
            Pause
          </button>
        )}
        <button
          type="button"
          data-testid="train-step"
          disabled={!(phase === 'paused' || (!running && ready.ok))}
          title="One optimiser step (one batch), then pause"
          onClick={step}
        >
          Step
        </button>
        <button
          type="button"
          data-testid="train-stop"
          disabled={!running}
          onClick={() => store.stop()}
        >
          Stop
        </button>
        <button
          type="button"
          data-testid="train-reset"
          disabled={phase === 'idle'}
          title="Stop and clear the curves and views"
          onClick={() => store.reset()}
        >
          Reset
        </button>
      </div>
      <p className="train-progress" data-testid="train-progress" ref={line} aria-live="off" />
    </div>
  );
}
