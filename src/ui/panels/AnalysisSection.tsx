import { type ReactNode, useState } from 'react';
import { useLab } from '../../state/labContext.ts';
import { ChartExport } from '../export/ChartExport.tsx';
import { AboutPanel } from './AboutPanel.tsx';
import { CodePanel } from './CodePanel.tsx';
import { GramHeatmap } from './GramHeatmap.tsx';
import { HistogramChart } from './HistogramChart.tsx';
import { MethodTable } from './MethodTable.tsx';
import { SweepChart } from './SweepChart.tsx';
import { useSummary } from './useSummary.ts';
import './panels.css';

/** A card that folds away (open by default), so the page stays short when one wants it short. */
function Fold({
  title,
  id,
  children,
  wide,
}: {
  title: string;
  id: string;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <details className={`card fold ${wide ? 'wide' : ''}`} open data-testid={`fold-${id}`}>
      <summary>
        <h2>{title}</h2>
      </summary>
      {children}
    </details>
  );
}

/**
 * The analysis below the sphere: the histogram of cosines, the Gram heatmap, the code, the
 * comparison table, the separation-versus-dimension sweep and the references. Everything that
 * costs O(N^2 n) or runs methods is computed in analysis workers.
 */
export function AnalysisSection() {
  const current = useLab((s) => s.current);
  const seed = useLab((s) => s.request.seed);
  const [order, setOrder] = useState<'class' | 'cluster'>('class');
  const summary = useSummary(current, order);
  const fresh = summary.result && summary.of === current ? summary.result : null;
  return (
    <section className="analysis" aria-label="Analysis">
      <Fold title="Pairwise cosines" id="histogram">
        {summary.error ? (
          <p className="error">{summary.error}</p>
        ) : current && summary.result && summary.of ? (
          <ChartExport name="histogram" vector>
            <div className={fresh ? '' : 'updating'}>
              <HistogramChart
                summary={summary.result}
                N={summary.of.N}
                n={summary.of.n}
                maxCosine={summary.of.metrics.maxCosine}
                minCosine={summary.result.minCosine}
              />
            </div>
          </ChartExport>
        ) : (
          <p className="hint">Measuring…</p>
        )}
      </Fold>
      <Fold title="Gram matrix" id="heatmap">
        <fieldset className="segmented" aria-label="Row order">
          {(['class', 'cluster'] as const).map((o) => (
            <button
              key={o}
              type="button"
              aria-pressed={order === o}
              className={order === o ? 'on' : ''}
              onClick={() => setOrder(o)}
            >
              {o === 'class' ? 'by class index' : 'by nearest neighbour'}
            </button>
          ))}
        </fieldset>
        {summary.result && summary.of ? (
          <ChartExport name="heatmap" vector={false}>
            <GramHeatmap summary={summary.result} N={summary.of.N} />
          </ChartExport>
        ) : (
          <p className="hint">Measuring…</p>
        )}
      </Fold>
      {current?.code && (
        <Fold title="The code behind the prototypes" id="code">
          <CodePanel current={current} />
        </Fold>
      )}
      {current && (
        <Fold title="Compare methods" id="table">
          <MethodTable N={current.N} n={current.n} seed={seed} />
        </Fold>
      )}
      {current && (
        <Fold title="Separation against dimension" id="sweep" wide>
          <ChartExport name="sweep" vector>
            <SweepChart N={current.N} seed={seed} />
          </ChartExport>
        </Fold>
      )}
      <Fold title="About" id="about">
        <AboutPanel />
      </Fold>
    </section>
  );
}
