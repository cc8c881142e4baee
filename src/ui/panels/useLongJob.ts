import { useCallback, useEffect, useState } from 'react';
import type {
  AnalysisRequest,
  MethodOutcome,
  SweepResult,
  TableResult,
} from '../../jobs/analysisProtocol.ts';
import { analysisClient } from './clients.ts';

export interface LongJobState {
  readonly status: 'idle' | 'running' | 'done' | 'error' | 'cancelled';
  readonly fraction: number;
  readonly label: string;
  /** Outcomes so far (while running) or all of them (done). */
  readonly outcomes: readonly MethodOutcome[];
  readonly error: string | null;
  /** What the outcomes were computed for, e.g. "N = 12, n = 3". */
  readonly key: string | null;
}

const IDLE: LongJobState = {
  status: 'idle',
  fraction: 0,
  label: '',
  outcomes: [],
  error: null,
  key: null,
};

/** A table or sweep run in its own analysis worker, with progress, partial results and cancel. */
export function useLongJob(purpose: 'table' | 'sweep') {
  const [state, setState] = useState<LongJobState>(IDLE);
  const start = useCallback(
    (request: Extract<AnalysisRequest, { kind: 'table' | 'sweep' }>, key: string) => {
      setState({ ...IDLE, status: 'running', key });
      analysisClient(purpose).run<TableResult | SweepResult>(request, {
        onProgress: (fraction, label, partial) =>
          setState({ status: 'running', fraction, label, outcomes: partial, error: null, key }),
        onDone: (result) =>
          setState({
            status: 'done',
            fraction: 1,
            label: '',
            outcomes: result.kind === 'table' ? result.rows : result.points,
            error: null,
            key,
          }),
        onError: (error) => setState((s) => ({ ...s, status: 'error', error })),
      });
    },
    [purpose],
  );
  const cancel = useCallback(() => {
    analysisClient(purpose).cancel();
    setState((s) => (s.status === 'running' ? { ...s, status: 'cancelled' } : s));
  }, [purpose]);
  // Leaving the page (or the panel) ends the work.
  useEffect(() => () => analysisClient(purpose).cancel(), [purpose]);
  return { state, start, cancel };
}
