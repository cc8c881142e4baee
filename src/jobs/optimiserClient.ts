import { runMethod } from '../core/methods/registry.ts';
import { packResult } from './optimiserPacking.ts';
import type {
  FromWorker,
  JobProgress,
  JobRequest,
  JobResult,
  ToWorker,
} from './optimiserProtocol.ts';

/** What a worker must offer (the DOM Worker does; tests pass a fake). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface JobHandlers {
  onProgress?(progress: JobProgress): void;
  onDone?(result: JobResult): void;
  /** kind 'crash': the worker died; a fresh one is ready for the next job. */
  onError?(kind: 'input' | 'infeasible' | 'internal' | 'crash', message: string): void;
  onCancelled?(): void;
}

export interface StartOptions {
  readonly sendPrototypes?: boolean;
  readonly paused?: boolean;
  /** Animation speed cap in steps per second (0: none); setSpeed changes it while running. */
  readonly stepsPerSecond?: number;
}

/** A cancel that the worker has not confirmed by then ends the worker (a job stuck in one step). */
export const CANCEL_GRACE_MS = 80;

/**
 * The page's side of the optimiser worker: one job at a time; a new start replaces (cancels) the
 * running job. Cancel is confirmed within CANCEL_GRACE_MS: if the worker is busy in a method that
 * cannot be interrupted, it is terminated and a fresh one is made. A crash is reported as such
 * and the next job gets a fresh worker, so the app recovers.
 */
export function createOptimiserClient(makeWorker: () => WorkerLike) {
  let worker: WorkerLike | null = null;
  let nextId = 1;
  let current: { jobId: number; handlers: JobHandlers } | null = null;
  let cancelTimer: ReturnType<typeof setTimeout> | null = null;

  function ensureWorker(): WorkerLike {
    if (worker) return worker;
    const w = makeWorker();
    w.onmessage = (event) => receive(event.data);
    w.onerror = (event) => {
      event.preventDefault?.();
      const job = current;
      current = null;
      replaceWorker();
      job?.handlers.onError?.(
        'crash',
        `the optimiser stopped unexpectedly (${event.message || 'worker error'}); it has been restarted`,
      );
    };
    worker = w;
    return w;
  }

  function replaceWorker(): void {
    worker?.terminate();
    worker = null;
  }

  function clearCancelTimer(): void {
    if (cancelTimer !== null) clearTimeout(cancelTimer);
    cancelTimer = null;
  }

  function receive(message: FromWorker): void {
    const job = current;
    if (!job || message.jobId !== job.jobId) return; // from a replaced or cancelled job
    switch (message.type) {
      case 'progress':
        job.handlers.onProgress?.(message);
        return;
      case 'done':
        current = null;
        job.handlers.onDone?.(message.result);
        return;
      case 'error':
        current = null;
        job.handlers.onError?.(message.kind, message.message);
        return;
      case 'cancelled':
        current = null;
        clearCancelTimer();
        job.handlers.onCancelled?.();
        return;
    }
  }

  function cancel(): void {
    const job = current;
    if (!job) return;
    worker?.postMessage({ type: 'cancel', jobId: job.jobId });
    clearCancelTimer();
    cancelTimer = setTimeout(() => {
      cancelTimer = null;
      if (current !== job) return;
      current = null;
      replaceWorker();
      job.handlers.onCancelled?.();
    }, CANCEL_GRACE_MS);
  }

  return {
    /** Starts a job (replacing any running one); returns its id. */
    start(request: JobRequest, handlers: JobHandlers, options: StartOptions = {}): number {
      if (current) {
        const old = current;
        current = null;
        // The old job's worker may be stuck in a long uninterruptible step: start afresh.
        replaceWorker();
        clearCancelTimer();
        old.handlers.onCancelled?.();
      }
      const jobId = nextId++;
      current = { jobId, handlers };
      ensureWorker().postMessage({ type: 'start', jobId, request, ...options });
      return jobId;
    },
    pause(): void {
      if (current) worker?.postMessage({ type: 'pause', jobId: current.jobId });
    },
    resume(): void {
      if (current) worker?.postMessage({ type: 'resume', jobId: current.jobId });
    },
    step(count = 1): void {
      if (current) worker?.postMessage({ type: 'step', jobId: current.jobId, count });
    },
    cancel,
    /** Caps the running job at this many steps per second (0: no cap). */
    setSpeed(stepsPerSecond: number): void {
      if (current) worker?.postMessage({ type: 'speed', jobId: current.jobId, stepsPerSecond });
    },
    get busy(): boolean {
      return current !== null;
    },
    dispose(): void {
      current = null;
      clearCancelTimer();
      replaceWorker();
    },
  };
}

export type OptimiserClient = ReturnType<typeof createOptimiserClient>;

/**
 * How the lab store has prototypes made (state/prototypesSlice.ts): the worker client in the
 * browser, the in-process stand-in in unit tests.
 */
export interface OptimiserJobs {
  start(request: JobRequest, handlers: JobHandlers, options?: StartOptions): void;
  pause(): void;
  resume(): void;
  step(count?: number): void;
  cancel(): void;
  /** Caps the running (and later) jobs at this many steps per second; 0: no cap. */
  setSpeed(stepsPerSecond: number): void;
}

/** The browser's: every method runs in the optimiser worker, never on the main thread. */
export function workerOptimiserJobs(): OptimiserJobs {
  return createOptimiserClient(
    () =>
      new Worker(new URL('../workers/optimiser.worker.ts', import.meta.url), {
        type: 'module',
        name: 'optimiser',
      }),
  );
}

/**
 * Runs a method to the end at once, in-process (for unit tests, which run in Node without
 * workers). Errors are reported exactly as the worker reports them.
 */
export function inProcessOptimiserJobs(): OptimiserJobs {
  return {
    start(request, handlers) {
      const startedAt = performance.now();
      try {
        handlers.onDone?.(packResult(runMethod(request), performance.now() - startedAt));
      } catch (e) {
        const name = (e as Error).name;
        const kind =
          name === 'InputError' ? 'input' : name === 'InfeasibleError' ? 'infeasible' : 'internal';
        handlers.onError?.(kind, (e as Error).message);
      }
    },
    pause() {},
    resume() {},
    step() {},
    cancel() {},
    setSpeed() {},
  };
}

/** The worker where there are workers, else in-process. */
export function defaultOptimiserJobs(): OptimiserJobs {
  return typeof Worker === 'undefined' ? inProcessOptimiserJobs() : workerOptimiserJobs();
}
