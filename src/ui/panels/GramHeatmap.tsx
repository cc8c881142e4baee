import { useEffect, useRef } from 'react';
import { cosineCss, cosineRgba } from '../../core/analysis/colormap.ts';
import type { SummaryResult } from '../../jobs/analysisProtocol.ts';

/**
 * The Gram matrix <c_i, c_j> as a heatmap on a canvas, one pixel per cell, scaled up without
 * smoothing. Above HEATMAP_CAP prototypes a cell is a block and shows its largest cosine.
 */
export function GramHeatmap({ summary, N }: { summary: SummaryResult; N: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { size, cells, block } = summary.gram;
  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    el.width = size;
    el.height = size;
    ctx.putImageData(new ImageData(cosineRgba(cells), size, size), 0, 0);
  }, [size, cells]);
  const stops = [-1, -0.5, 0, 0.35, 0.7, 1].map((c) => `${cosineCss(c)} ${((c + 1) / 2) * 100}%`);
  return (
    <figure className="chart heatmap" data-testid="heatmap" data-size={size}>
      <canvas
        ref={canvas}
        className="heatmap-canvas"
        aria-label={`Gram matrix of ${N} prototypes`}
      />
      <figcaption>
        <div
          className="colour-bar"
          style={{ background: `linear-gradient(90deg, ${stops.join(', ')})` }}
        />
        <div className="colour-ticks">
          <span>-1</span>
          <span>0</span>
          <span>1</span>
        </div>
        <p className="hint">
          {block > 1
            ? `${N} prototypes in ${size} × ${size} cells: each cell shows the largest cosine among about ${block.toFixed(1)} × ${block.toFixed(1)} pairs.`
            : 'One cell per pair; the diagonal (a prototype with itself) is grey.'}
        </p>
      </figcaption>
    </figure>
  );
}
