import { useEffect, useRef } from 'react';
import { useTrain } from '../../state/labContext.ts';
import { percent } from './format.ts';

/** Class names are written along the axes up to this many classes. */
const MAX_NAMED = 20;
const SIZE = 260;
/** The most room the names may take from the matrix (beyond it they are squeezed to fit). */
const MAX_MARGIN = 96;

/**
 * The last epoch's confusion matrix on the test images: row = true class, column = predicted,
 * each cell shaded by its share of the row (so classes of different sizes compare).
 */
export function ConfusionMatrix() {
  const last = useTrain((s) => s.last);
  const names = useTrain((s) => s.run?.classNames ?? null);
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx || !last || !names) return;
    const K = names.length;
    const named = K <= MAX_NAMED;
    const ratio = window.devicePixelRatio || 1;
    el.width = SIZE * ratio;
    el.height = SIZE * ratio;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, SIZE, SIZE);
    const labels = names.map((name) => name.slice(0, 10));
    ctx.font = `${Math.min(11, ((SIZE - 68) / K) * 0.8)}px system-ui, sans-serif`;
    // Room for the longest name in the font this machine has (fonts differ in width by 20 %).
    const widest = named ? Math.max(...labels.map((l) => ctx.measureText(l).width)) : 0;
    const margin = named ? Math.min(MAX_MARGIN, Math.ceil(widest) + 8) : 8;
    // The column names lean right (60 degrees, so a name of width w reaches w / 2 past its
    // column's centre): the last one needs `right` with right + cell / 2 >= w / 2, where
    // cell = (SIZE - margin - right) / K.
    const lean = Math.min(widest, margin - 6) / 2 - (SIZE - margin) / (2 * K);
    const right = Math.max(4, Math.ceil(lean / (1 - 1 / (2 * K))));
    const cell = (SIZE - margin - right) / K;
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
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    labels.forEach((label, k) => {
      ctx.fillText(label, margin - 4, margin + (k + 0.5) * cell, margin - 6);
      ctx.save();
      ctx.translate(margin + (k + 0.5) * cell, margin - 4);
      ctx.rotate(-Math.PI / 3);
      ctx.textAlign = 'left';
      ctx.fillText(label, 0, 0, margin - 6);
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
