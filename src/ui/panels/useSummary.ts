import { useEffect, useState } from 'react';
import type { SummaryResult } from '../../jobs/analysisProtocol.ts';
import type { PrototypeResult } from '../../state/prototypes.ts';
import { analysisClient } from './clients.ts';

/** Largest heatmap side in cells: above it, cells are blocks of prototypes (level of detail). */
export const HEATMAP_CAP = 256;

export interface SummaryState {
  readonly result: SummaryResult | null;
  /** The codebook the result belongs to (so a stale one is never shown as current). */
  readonly of: PrototypeResult | null;
  readonly error: string | null;
}

/** Histogram and Gram image of the current prototypes, computed in the analysis worker. */
export function useSummary(
  current: PrototypeResult | null,
  order: 'class' | 'cluster',
): SummaryState {
  const [state, setState] = useState<SummaryState>({ result: null, of: null, error: null });
  useEffect(() => {
    if (!current || current.N < 2) return;
    const client = analysisClient('summary');
    client.run<SummaryResult>(
      {
        kind: 'summary',
        N: current.N,
        n: current.n,
        data: current.codebook.data,
        order,
        cap: HEATMAP_CAP,
      },
      {
        onDone: (result) => setState({ result, of: current, error: null }),
        onError: (error) => setState({ result: null, of: current, error }),
      },
    );
    return () => client.cancel();
  }, [current, order]);
  return state;
}
