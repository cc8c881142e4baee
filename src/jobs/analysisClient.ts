import type {
  AnalysisRequest,
  AnalysisResult,
  FromAnalysis,
  MethodOutcome,
  ToAnalysis,
} from './analysisProtocol.ts';

export interface AnalysisWorkerLike {
  postMessage(message: ToAnalysis): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromAnalysis>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface AnalysisHandlers<R extends AnalysisResult> {
  onProgress?(fraction: number, label: string, partial: readonly MethodOutcome[]): void;
  onDone(result: R): void;
  onError(message: string): void;
}

/**
 * One analysis worker doing one request at a time. A new request or cancel() while one runs ends
 * the worker (a method run cannot be interrupted) and the next request gets a fresh one; no
 * answer from the old request is delivered after that.
 */
export function createAnalysisClient(makeWorker: () => AnalysisWorkerLike) {
  let worker: AnalysisWorkerLike | null = null;
  let nextId = 1;
  let current: { jobId: number; handlers: AnalysisHandlers<AnalysisResult> } | null = null;

  function drop(): void {
    worker?.terminate();
    worker = null;
    current = null;
  }

  function ensure(): AnalysisWorkerLike {
    if (worker) return worker;
    const w = makeWorker();
    w.onmessage = (event) => {
      const m = event.data;
      const job = current;
      if (!job || m.jobId !== job.jobId) return;
      if (m.type === 'progress') job.handlers.onProgress?.(m.fraction, m.label, m.partial ?? []);
      else if (m.type === 'done') {
        current = null;
        job.handlers.onDone(m.result);
      } else {
        current = null;
        job.handlers.onError(m.message);
      }
    };
    w.onerror = (event) => {
      event.preventDefault?.();
      const job = current;
      drop();
      job?.handlers.onError(
        `the analysis stopped unexpectedly (${event.message || 'worker error'})`,
      );
    };
    worker = w;
    return w;
  }

  return {
    run<R extends AnalysisResult>(request: AnalysisRequest, handlers: AnalysisHandlers<R>): void {
      if (current) drop();
      const jobId = nextId++;
      current = { jobId, handlers: handlers as AnalysisHandlers<AnalysisResult> };
      const transfer = request.kind === 'parse' ? [request.bytes] : [];
      (ensure().postMessage as (m: ToAnalysis, t: Transferable[]) => void)(
        { jobId, request },
        transfer,
      );
    },
    cancel(): void {
      if (current) drop();
    },
    get busy(): boolean {
      return current !== null;
    },
    dispose: drop,
  };
}

export type AnalysisClient = ReturnType<typeof createAnalysisClient>;

/** A client on a real Web Worker (the browser). */
export function browserAnalysisClient(name: string): AnalysisClient {
  return createAnalysisClient(
    () =>
      new Worker(new URL('../workers/analysis.worker.ts', import.meta.url), {
        type: 'module',
        name,
      }) as unknown as AnalysisWorkerLike,
  );
}
