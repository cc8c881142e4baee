import type { ExperimentProgress } from '../train/experiment/runner.ts';
import type { RunResult } from '../train/experiment/types.ts';
import type { FastFeatures } from '../train/types.ts';
import type { FromExperimentWorker, ToExperimentWorker } from './experimentProtocol.ts';
import { copiedInSlices, copyFailure, splitsForWorker } from './sliceCopy.ts';

/** What a worker must offer (the DOM Worker does; tests pass a fake). */
export interface ExperimentWorkerLike {
  postMessage(message: ToExperimentWorker, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromExperimentWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** What one experiment's runs report; `failed` covers a worker error, a crash and a failed copy. */
export interface ExperimentEvents {
  backend(name: string): void;
  /** A sentence for the page (e.g. that a lost device's runs go on on the CPU). */
  status?(text: string): void;
  progress(progress: ExperimentProgress): void;
  result(result: RunResult): void;
  /** The features, once computed (to reuse in the next experiment on the same images). */
  features?(features: FastFeatures): void;
  /** One run failed; the others go on. */
  runFailed?(key: string, message: string): void;
  done(): void;
  failed(message: string): void;
}

export type ExperimentStart = Omit<
  Extract<ToExperimentWorker, { type: 'start' }>,
  'type' | 'jobId'
>;

/** The experiment worker of the browser (src/workers/experiment.worker.ts). */
export function browserExperimentWorker(): ExperimentWorkerLike {
  return new Worker(new URL('../workers/experiment.worker.ts', import.meta.url), {
    type: 'module',
    name: 'experiment',
  });
}

/**
 * The page's side of the experiment worker: one experiment at a time, each in a fresh worker;
 * stop() ends the worker at once (a training step cannot be interrupted otherwise), and nothing
 * of a stopped experiment is reported afterwards.
 */
export function createExperimentClient(makeWorker: () => ExperimentWorkerLike) {
  let worker: ExperimentWorkerLike | null = null;
  let jobId = 0;

  function stop(): void {
    worker?.terminate();
    worker = null;
  }

  function start(start: ExperimentStart, on: ExperimentEvents): void {
    stop();
    jobId += 1;
    const message = { type: 'start' as const, jobId, ...start };
    const w = makeWorker();
    worker = w;
    w.onmessage = ({ data: m }) => {
      if (worker !== w || m.jobId !== message.jobId) return;
      if (m.type === 'backend') on.backend(m.name);
      else if (m.type === 'progress') on.progress(m.progress);
      else if (m.type === 'result') on.result(m.result);
      else if (m.type === 'runFailed') on.runFailed?.(m.key, m.message);
      else if (m.type === 'features') on.features?.(m.features);
      else if (m.type === 'done') on.done();
      else if (m.type === 'error') on.failed(m.message);
      else on.status?.(m.text);
    };
    w.onerror = (event) => {
      event.preventDefault?.();
      if (worker === w)
        on.failed(
          `the experiment worker stopped unexpectedly (${event.message || 'worker error'})`,
        );
    };
    const { train, test } = start.data;
    if (!copiedInSlices(train, test)) {
      w.postMessage(message);
      return;
    }
    // Large: copied in slices and transferred (jobs/sliceCopy.ts), unless stopped meanwhile.
    splitsForWorker(train, test, () => worker === w).then(
      (copy) => {
        if (!copy || worker !== w) return;
        const data = { ...start.data, train: copy.train, test: copy.test };
        w.postMessage({ ...message, data }, copy.transfer);
      },
      (e) => {
        if (worker === w) on.failed(copyFailure(e));
      },
    );
  }

  return { start, stop };
}

export type ExperimentClient = ReturnType<typeof createExperimentClient>;
