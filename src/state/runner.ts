import { runMethod } from '../core/methods/registry.ts';
import {
  createOptimiserClient,
  type JobHandlers,
  type StartOptions,
} from '../jobs/optimiserClient.ts';
import { packResult } from '../jobs/optimiserHost.ts';
import type { JobRequest } from '../jobs/optimiserProtocol.ts';

/** How the store gets prototypes made: a Web Worker in the browser, in-process in unit tests. */
export interface PrototypeRunner {
  start(request: JobRequest, handlers: JobHandlers, options?: StartOptions): void;
  pause(): void;
  resume(): void;
  step(count?: number): void;
  cancel(): void;
  /** Caps the running (and later) jobs at this many steps per second; 0: no cap. */
  setSpeed(stepsPerSecond: number): void;
}

/** The browser's runner: every method runs in the optimiser worker, never on the main thread. */
export function createWorkerRunner(): PrototypeRunner {
  const client = createOptimiserClient(
    () =>
      new Worker(new URL('../workers/optimiser.worker.ts', import.meta.url), {
        type: 'module',
        name: 'optimiser',
      }),
  );
  return {
    start: (request, handlers, options) => {
      client.start(request, handlers, options);
    },
    pause: client.pause,
    resume: client.resume,
    step: client.step,
    cancel: client.cancel,
    setSpeed: client.setSpeed,
  };
}

/**
 * Runs a method to the end at once, in-process (for unit tests of the store, which run in Node
 * without workers). Errors are reported exactly as the worker reports them.
 */
export function createInProcessRunner(): PrototypeRunner {
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

export function defaultRunner(): PrototypeRunner {
  return typeof Worker === 'undefined' ? createInProcessRunner() : createWorkerRunner();
}
