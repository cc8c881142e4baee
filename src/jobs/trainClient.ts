import type { BackendChoice, BackendProbe } from '../train/browser/choose.ts';
import type { TrainCheckpoint } from '../train/checkpoint.ts';
import type { TrainInput } from '../train/types.ts';
import { copiedInSlices, copyFailure, splitsForWorker } from './sliceCopy.ts';
import type { FromTrainWorker, ToTrainWorker } from './trainProtocol.ts';

/** What a worker must offer (the DOM Worker does; tests pass a fake). */
export interface TrainWorkerLike {
  postMessage(message: ToTrainWorker, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromTrainWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** Every message of the current run, and `crash` when the worker itself died. */
export type TrainEvent =
  | FromTrainWorker
  | { readonly type: 'crash'; readonly jobId: number; readonly message: string };

export interface TrainStartOptions {
  readonly backend: BackendChoice;
  readonly known?: readonly BackendProbe[];
  readonly paused?: boolean;
  /** Use a new worker (after a lost device, whose backend cannot come back in that worker). */
  readonly freshWorker?: boolean;
  /** Go on from this checkpoint instead of the start. */
  readonly resume?: TrainCheckpoint;
}

/**
 * A stop the worker has not confirmed by then ends the worker: a step can take seconds (or, on
 * WebGPU's first step, tens of seconds of shader compiling), and Stop must act at once.
 */
export const STOP_GRACE_MS = 400;

/**
 * The page's side of the training worker: one run at a time; a new start replaces the old run.
 * A crashed worker is reported and replaced, so the next run gets a fresh one.
 */
export function createTrainClient(makeWorker: () => TrainWorkerLike) {
  let worker: TrainWorkerLike | null = null;
  let nextId = 1;
  let current: { jobId: number; onEvent: (e: TrainEvent) => void } | null = null;
  let stopTimer: ReturnType<typeof setTimeout> | null = null;
  /** The run whose images are being copied (not yet started in the worker), and what waits. */
  let copying: { jobId: number; queued: ToTrainWorker[] } | null = null;

  function ensureWorker(): TrainWorkerLike {
    if (worker) return worker;
    const w = makeWorker();
    w.onmessage = (event) => receive(event.data);
    w.onerror = (event) => {
      event.preventDefault?.();
      const run = current;
      current = null;
      replaceWorker();
      run?.onEvent({
        type: 'crash',
        jobId: run.jobId,
        message: `the training worker stopped unexpectedly (${event.message || 'worker error'})`,
      });
    };
    worker = w;
    return w;
  }

  function replaceWorker(): void {
    worker?.terminate();
    worker = null;
  }

  function clearStopTimer(): void {
    if (stopTimer !== null) clearTimeout(stopTimer);
    stopTimer = null;
  }

  function receive(message: FromTrainWorker): void {
    const run = current;
    if (!run || message.jobId !== run.jobId) return; // from a replaced or stopped run
    if (message.type === 'done' || message.type === 'error' || message.type === 'stopped') {
      current = null;
      clearStopTimer();
    }
    run.onEvent(message);
  }

  function post(type: 'pause' | 'resume' | 'step' | 'lose-device'): void {
    if (!current) return;
    const message: ToTrainWorker = { type, jobId: current.jobId };
    // Pressed while the images are still being copied: sent right after the start, in order.
    if (copying?.jobId === current.jobId) copying.queued.push(message);
    else worker?.postMessage(message);
  }

  /** Sends a large run's start once its images are copied, unless it was stopped or replaced. */
  async function startWhenCopied(message: Extract<ToTrainWorker, { type: 'start' }>) {
    const { input, jobId } = message;
    const wanted = () => current?.jobId === jobId && copying?.jobId === jobId;
    const copy = await splitsForWorker(input.train, input.test, wanted);
    if (!copy || !copying || !wanted()) return;
    const { train, test, transfer } = copy;
    const { queued } = copying;
    copying = null;
    const w = ensureWorker();
    w.postMessage({ ...message, input: { ...input, train, test } }, transfer);
    for (const m of queued) w.postMessage(m);
  }

  return {
    /** Starts a run (stopping any running one); returns its id. */
    start(input: TrainInput, options: TrainStartOptions, onEvent: (e: TrainEvent) => void): number {
      if (current) {
        const old = current;
        current = null;
        clearStopTimer();
        worker?.postMessage({ type: 'stop', jobId: old.jobId });
        old.onEvent({ type: 'stopped', jobId: old.jobId });
      }
      if (options.freshWorker) replaceWorker();
      const jobId = nextId++;
      current = { jobId, onEvent };
      const message: Extract<ToTrainWorker, { type: 'start' }> = {
        type: 'start',
        jobId,
        input,
        backend: options.backend,
        known: options.known,
        paused: options.paused,
        resume: options.resume,
      };
      if (copiedInSlices(input.train, input.test)) {
        copying = { jobId, queued: [] };
        startWhenCopied(message).catch((e) => {
          const run = current;
          if (run?.jobId !== jobId) return;
          current = null;
          copying = null;
          run.onEvent({ type: 'crash', jobId, message: copyFailure(e) });
        });
      } else {
        copying = null;
        ensureWorker().postMessage(message);
      }
      return jobId;
    },
    pause: () => post('pause'),
    resume: () => post('resume'),
    step: () => post('step'),
    loseDevice: () => post('lose-device'),
    /** Stops the run; confirmed by a `stopped` event within STOP_GRACE_MS. */
    stop(): void {
      const run = current;
      if (!run) return;
      if (copying?.jobId === run.jobId) {
        // Not started in the worker yet: nothing there to stop.
        copying = null;
        current = null;
        run.onEvent({ type: 'stopped', jobId: run.jobId });
        return;
      }
      worker?.postMessage({ type: 'stop', jobId: run.jobId });
      clearStopTimer();
      stopTimer = setTimeout(() => {
        stopTimer = null;
        if (current !== run) return;
        // Stuck in a long step: end the worker; the next run starts a fresh one.
        current = null;
        replaceWorker();
        run.onEvent({ type: 'stopped', jobId: run.jobId });
      }, STOP_GRACE_MS);
    },
    get busy(): boolean {
      return current !== null;
    },
    dispose(): void {
      current = null;
      copying = null;
      clearStopTimer();
      replaceWorker();
    },
  };
}

export type TrainClient = ReturnType<typeof createTrainClient>;

/** How the training store drives runs (state/trainStore.ts); tests pass a fake. */
export type TrainJobs = Pick<
  TrainClient,
  'start' | 'pause' | 'resume' | 'step' | 'stop' | 'loseDevice'
>;

/** The browser's: training runs in a module worker; tfjs is loaded only there. */
export function workerTrainJobs(): TrainJobs {
  return createTrainClient(
    () =>
      new Worker(new URL('../workers/train.worker.ts', import.meta.url), {
        type: 'module',
        name: 'training',
      }),
  );
}

/** Outside a browser (unit tests of other stores) there is nothing to train with. */
function unavailableTrainJobs(): TrainJobs {
  return {
    start(_input, _options, onEvent) {
      onEvent({
        type: 'error',
        jobId: 0,
        kind: 'internal',
        message: 'training needs a browser with Web Workers',
      });
      return 0;
    },
    pause() {},
    resume() {},
    step() {},
    stop() {},
    loseDevice() {},
  };
}

/** The worker where there are workers, else a stand-in that says training needs a browser. */
export function defaultTrainJobs(): TrainJobs {
  return typeof Worker === 'undefined' ? unavailableTrainJobs() : workerTrainJobs();
}
