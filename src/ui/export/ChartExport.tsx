import { type ReactNode, useRef, useState } from 'react';
import { download } from '../../scene/download.ts';
import { useLab } from '../../state/labContext.ts';
import { canvasPng, svgMarkup, svgPng } from './chartImage.ts';
import { fileStem } from './prototypeFiles.ts';
import './export.css';

/**
 * Wraps a chart with buttons that save it: PNG always, SVG where the chart is vector. The chart
 * is found inside the wrapper (its first svg or canvas), so the chart components stay unaware.
 */
export function ChartExport({
  name,
  vector,
  children,
}: {
  /** The chart's name in file names and test ids: `histogram`, `heatmap`, `sweep`. */
  readonly name: string;
  /** True for SVG charts (also saved as .svg), false for canvas charts. */
  readonly vector: boolean;
  readonly children: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  const current = useLab((s) => s.current);
  const [error, setError] = useState<string | null>(null);
  const stem = `${name}${current ? `-${fileStem(current)}` : ''}`;

  const save = async (as: 'png' | 'svg') => {
    setError(null);
    const chart = box.current?.querySelector<SVGSVGElement | HTMLCanvasElement>(
      vector ? 'svg' : 'canvas',
    );
    if (!chart) {
      setError('There is no chart to save yet.');
      return;
    }
    try {
      if (as === 'svg' && chart instanceof SVGSVGElement) {
        download(svgMarkup(chart), `${stem}.svg`, 'image/svg+xml');
      } else {
        const png = chart instanceof SVGSVGElement ? await svgPng(chart) : await canvasPng(chart);
        download(png, `${stem}.png`, 'image/png');
      }
    } catch (e) {
      setError(`The chart could not be saved: ${(e as Error).message}`);
    }
  };

  return (
    <div className="chart-export" ref={box}>
      {children}
      <fieldset className="export-buttons" aria-label={`Save the ${name} chart`}>
        <button
          type="button"
          className="small"
          data-testid={`save-${name}-png`}
          onClick={() => save('png')}
        >
          PNG
        </button>
        {vector && (
          <button
            type="button"
            className="small"
            data-testid={`save-${name}-svg`}
            onClick={() => save('svg')}
          >
            SVG
          </button>
        )}
      </fieldset>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
