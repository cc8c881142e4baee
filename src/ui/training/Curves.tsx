import { useRef } from 'react';
import { useTrainStore } from '../../state/labContext.ts';
import type { TrainLive } from '../../state/trainStore.ts';
import { lossText, percent } from './format.ts';
import { drawPlot, type Series } from './plot.ts';
import { useLiveDraw } from './useLive.ts';

const COLOURS = { loss: '#7aa2ff', epochLoss: '#e6ebf5', train: '#3ddc97', test: '#ffbd2e' };
/** Steps averaged for the "now" loss (single batches are noisy). */
const RECENT = 10;

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/**
 * Loss per step (and per epoch), train and test accuracy per epoch: two canvases redrawn from
 * the live values at most once a frame, never through React.
 */
export function Curves() {
  const lossCanvas = useRef<HTMLCanvasElement>(null);
  const accCanvas = useRef<HTMLCanvasElement>(null);
  const readout = useRef<HTMLParagraphElement>(null);
  const train = useTrainStore();
  useLiveDraw((live: TrainLive) => {
    const { epochs, run } = train.getState();
    const total = run?.input.config.epochs ?? 1;
    const xMax = Math.max(1, Math.min(total, Math.ceil(live.batchX[live.batchX.length - 1] ?? 1)));
    const loss: Series[] = [
      { xs: live.batchX, ys: live.batchLoss, colour: COLOURS.loss, label: 'loss per step' },
      {
        xs: epochs.map((e) => e.epoch),
        ys: epochs.map((e) => e.loss),
        colour: COLOURS.epochLoss,
        label: 'epoch mean',
        dots: true,
      },
    ];
    const acc: Series[] = [
      {
        xs: epochs.map((e) => e.epoch),
        ys: epochs.map((e) => e.trainAccuracy),
        colour: COLOURS.train,
        label: 'train',
        dots: true,
      },
      {
        xs: epochs.map((e) => e.epoch),
        ys: epochs.map((e) => e.testAccuracy),
        colour: COLOURS.test,
        label: 'test',
        dots: true,
      },
    ];
    if (lossCanvas.current) drawPlot(lossCanvas.current, loss, { xMax, title: 'loss' });
    if (accCanvas.current)
      drawPlot(accCanvas.current, acc, {
        xMax,
        yMin: 0,
        yMax: 1,
        title: 'accuracy',
        percent: true,
      });
    const el = readout.current;
    if (!el) return;
    const n = live.batchLoss.length;
    if (n === 0) {
      el.textContent = 'The curves appear with the first step.';
      delete el.dataset.first;
      delete el.dataset.recent;
      return;
    }
    const first = live.batchLoss[0];
    const recent = mean(live.batchLoss.slice(-RECENT));
    const last = epochs[epochs.length - 1];
    el.dataset.first = String(first);
    el.dataset.recent = String(recent);
    el.dataset.steps = String(n);
    el.textContent = `Loss ${lossText(first)} at the first step, ${lossText(recent)} now (mean of the last ${Math.min(n, RECENT)} steps)${last ? ` · after epoch ${last.epoch}: train ${percent(last.trainAccuracy)}, test ${percent(last.testAccuracy)}` : ''}`;
  });
  return (
    <div className="train-curves" data-testid="train-curves">
      <div className="train-plots">
        <canvas ref={lossCanvas} aria-label="Training loss per step and per epoch" role="img" />
        <canvas ref={accCanvas} aria-label="Train and test accuracy per epoch" role="img" />
      </div>
      <p className="hint" data-testid="train-loss" ref={readout} />
    </div>
  );
}
