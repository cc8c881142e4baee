import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { trainingStore } from '../../state/training.ts';
import { percent } from './format.ts';

/** Class names are written along the axes up to this many classes. */
const MAX_NAMED = 20;
const SIZE = 260;

/**
 * The last epoch's confusion matrix on the test images: row = true class, column = predicted,
 * each cell shaded by its share of the row (so classes of different sizes compare).
 */
export function ConfusionMatrix() {
  const last = useStore(trainingStore, (s) => s.last);
  const names = useStore(trainingStore, (s) => s.run?.classNames ?? null);
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx || !last || !names) return;
    const K = names.length;
    const named = K <= MAX_NAMED;
    const margin = named ? 64 : 8;
    const ratio = window.devicePixelRatio || 1;
    el.width = SIZE * ratio;
    el.height = SIZE * ratio;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, SIZE, SIZE);
    const cell = (SIZE - margin - 4) / K;
    for (let r = 0; r < K; r++) {
      let row = 0;
      for (let c = 0; c < K; c++) row += last.confusion[r * K + c];
      for (let c = 0; c < K; c++) {
        const share = row > 0 ? last.confusion[r * K + c] / row : 0;
        // Diagonal (correct) in green, mistakes in amber; brighter is a larger share.
        const hue = r === c ? 152 : 36;
        ctx.fillStyle = `hsl(${hue} 80% ${8 + 52 * Math.sqrt(share)}%)`;
        ctx.fillRect(margin + c * cell, margin + r * cell, cell - 0.5, cell - 0.5);
      }
    }
    if (!named) return;
    ctx.fillStyle = '#8b97b0';
    ctx.font = `${Math.min(11, cell * 0.8)}px system-ui, sans-serif`;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    names.forEach((name, k) => {
      ctx.fillText(name.slice(0, 10), margin - 4, margin + (k + 0.5) * cell);
      ctx.save();
      ctx.translate(margin + (k + 0.5) * cell, margin - 4);
      ctx.rotate(-Math.PI / 3);
      ctx.textAlign = 'left';
      ctx.fillText(name.slice(0, 10), 0, 0);
      ctx.restore();
    });
  }, [last, names]);
  if (!last || !names) return null;
  const worst = last.perClassAccuracy
    .map((a, k) => ({ a, k }))
    .sort((x, y) => x.a - y.a)
    .slice(0, 3);
  return (
    <figure className="train-confusion" data-testid="train-confusion">
      <canvas
        ref={canvas}
        style={{ width: SIZE, height: SIZE }}
        role="img"
        aria-label={`Confusion matrix after epoch ${last.epoch}: rows are true classes, columns predicted`}
      />
      <figcaption className="hint">
        After epoch {last.epoch}: rows true class, columns predicted. Hardest:{' '}
        {worst.map((w) => `${names[w.k]} ${percent(w.a)}`).join(', ')}.
      </figcaption>
    </figure>
  );
}
