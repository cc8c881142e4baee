import {
  getMethod,
  InfeasibleError,
  InputError,
  prepareRun,
  runMethod,
} from '../core/methods/registry.ts';
import type { MethodRun } from '../core/methods/stepper.ts';
import type { MethodResult } from '../core/methods/types.ts';
import { cosineToDegrees } from '../core/metrics/separation.ts';
import { packResult } from './optimiserPacking.ts';
import type { FromWorker, JobRequest, ToWorker } from './optimiserProtocol.ts';
import { CHUNK_MS, PROGRESS_PER_SECOND } from './optimiserProtocol.ts';

export interface HostEnvironment {
  post(message: FromWorker, transfer?: Transferable[]): void;
  now(): number;
  /** Lets queued messages (pause, cancel) be handled before the next chunk of work. */
  yieldToInbox(): Promise<void>;
  /** Waits about this long (a speed cap holds the job back); default: yieldToInbox. */
  wait?(ms: number): Promise<void>;
}

/** Longest wait between two looks at the speed cap (a new speed applies within this). */
const MAX_WAIT_MS = 50;

interface ActiveJob {
  readonly jobId: number;
  readonly request: JobRequest;
  readonly sendPrototypes: boolean;
  readonly startedAt: number;
  paused: boolean;
  cancelled: boolean;
  /** Steps still to run while paused (single-stepping). */
  pendingSteps: number;
  run: MethodRun;
  lastProgressAt: number;
  /** Step count of the last progress message (a capped job reports every step it makes). */
  lastProgressStep: number;
  /** Speed cap in steps per second (0: none), counted from rateSince / rateSteps. */
  stepsPerSecond: number;
  rateSince: number;
  rateSteps: number;
  /** True while drive() is looping, so resume/step never start a second loop. */
  driving: boolean;
}

/**
 * The optimiser worker's logic, free of the Worker API so it can be tested in Node. Iterative
 * methods are advanced in chunks of at most CHUNK_MS, with the inbox read between chunks, so
 * pause, single-step and cancel act within a chunk. Methods without a step-wise run go through
 * runMethod in one piece; the page cancels those by ending the worker.
 */
export function createOptimiserHost(env: HostEnvironment) {
  let job: ActiveJob | null = null;

  function fail(jobId: number, e: unknown): void {
    const kind =
      e instanceof InputError ? 'input' : e instanceof InfeasibleError ? 'infeasible' : 'internal';
    const message = e instanceof Error ? e.message : String(e);
    env.post({ type: 'error', jobId, kind, message });
  }

  function progress(active: ActiveJob): void {
    const { run, request } = active;
    const { objective, maxCosine } = run.status();
    const withPrototypes = active.sendPrototypes || request.n <= 4;
    const prototypes = withPrototypes ? run.current().slice() : undefined;
    env.post(
      {
        type: 'progress',
        jobId: active.jobId,
        step: run.stepsDone,
        totalSteps: run.totalSteps,
        fraction: run.totalSteps ? run.stepsDone / run.totalSteps : 1,
        objective,
        maxCosine,
        minAngleDeg: cosineToDegrees(maxCosine),
        paused: active.paused,
        prototypes,
      },
      prototypes ? [prototypes.buffer] : undefined,
    );
    active.lastProgressAt = env.now();
    active.lastProgressStep = run.stepsDone;
  }

  /** Starts counting the speed cap afresh (at start, resume and a change of speed). */
  function restartRate(active: ActiveJob): void {
    active.rateSince = env.now();
    active.rateSteps = active.run.stepsDone;
  }

  /** Steps the speed cap allows now (the first one at once). Single steps are never capped. */
  function allowance(active: ActiveJob): number {
    if (active.paused || !(active.stepsPerSecond > 0)) return Number.POSITIVE_INFINITY;
    const earned = Math.floor(((env.now() - active.rateSince) * active.stepsPerSecond) / 1000);
    return earned + 1 - (active.run.stepsDone - active.rateSteps);
  }

  /** Milliseconds until the speed cap allows the next step (at most MAX_WAIT_MS). */
  function untilNextStep(active: ActiveJob): number {
    const due =
      active.rateSince + ((active.run.stepsDone - active.rateSteps) * 1000) / active.stepsPerSecond;
    return Math.min(MAX_WAIT_MS, Math.max(1, due - env.now()));
  }

  const wait = (ms: number) => (env.wait ? env.wait(ms) : env.yieldToInbox());

  function finish(jobId: number, made: MethodResult, startedAt: number): void {
    const result = packResult(made, env.now() - startedAt);
    const transfer: Transferable[] = [result.data.buffer];
    if (result.words) transfer.push(result.words.bits.buffer);
    env.post({ type: 'done', jobId, result }, transfer);
  }

  /** Starts the work loop unless it is already running. */
  function wake(active: ActiveJob): void {
    if (active.driving) return;
    active.driving = true;
    drive(active).catch((e) => {
      if (job === active) job = null;
      fail(active.jobId, e);
    });
  }

  async function drive(active: ActiveJob): Promise<void> {
    const { run } = active;
    try {
      while (!active.cancelled && run.stepsDone < run.totalSteps) {
        // Paused with no single steps left: stop; resume or step wakes the loop again.
        if (active.paused && active.pendingSteps === 0) return;
        let allowed = allowance(active);
        if (allowed <= 0) {
          // Held back by the speed cap: show the step reached, then wait for the next one.
          if (active.lastProgressStep !== run.stepsDone) progress(active);
          await wait(untilNextStep(active));
          continue;
        }
        const chunkEnd = env.now() + CHUNK_MS;
        do {
          run.advance(1);
          if (active.pendingSteps > 0) active.pendingSteps--;
          allowed--;
        } while (
          env.now() < chunkEnd &&
          run.stepsDone < run.totalSteps &&
          !(active.paused && active.pendingSteps === 0) &&
          allowed > 0
        );
        if (active.paused || env.now() - active.lastProgressAt >= 1000 / PROGRESS_PER_SECOND) {
          progress(active);
        }
        await env.yieldToInbox();
      }
    } finally {
      // Runs in the same tick as a return above (no await between), so a resume or step that
      // arrives right after always finds the loop stopped and starts it again.
      active.driving = false;
    }
    if (active.cancelled || job !== active) return;
    progress(active);
    job = null;
    finish(active.jobId, run.finish(), active.startedAt);
  }

  /**
   * A method without a step-wise run (e.g. `best`) runs in one piece. Its own progress and step
   * reports are forwarded about PROGRESS_PER_SECOND times a second, with the prototypes for
   * n <= 4, so the page still animates; it cannot pause, and the page cancels it by ending the
   * worker.
   */
  function runWhole(jobId: number, request: JobRequest, sendPrototypes: boolean) {
    let lastPost = Number.NEGATIVE_INFINITY;
    let fraction = 0;
    const withPrototypes = sendPrototypes || request.n <= 4;
    return runMethod({
      ...request,
      onProgress: (f) => {
        fraction = f;
      },
      onStep: (state) => {
        const now = env.now();
        if (now - lastPost < 1000 / PROGRESS_PER_SECOND) return;
        lastPost = now;
        const prototypes = withPrototypes && state.data ? state.data.slice() : undefined;
        env.post(
          {
            type: 'progress',
            jobId,
            step: state.step,
            totalSteps: 0,
            fraction,
            objective: state.objective,
            maxCosine: state.maxCosine,
            minAngleDeg: cosineToDegrees(state.maxCosine),
            paused: false,
            prototypes,
          },
          prototypes ? [prototypes.buffer] : undefined,
        );
      },
    });
  }

  function start(message: Extract<ToWorker, { type: 'start' }>): void {
    if (job) {
      job.cancelled = true;
      env.post({ type: 'cancelled', jobId: job.jobId });
      job = null;
    }
    const { jobId, request } = message;
    const startedAt = env.now();
    try {
      const method = getMethod(request.method);
      if (!method.start) {
        finish(jobId, runWhole(jobId, request, message.sendPrototypes ?? false), startedAt);
        return;
      }
      const input = prepareRun(request);
      const active: ActiveJob = {
        jobId,
        request,
        sendPrototypes: message.sendPrototypes ?? false,
        startedAt,
        paused: message.paused ?? false,
        cancelled: false,
        pendingSteps: 0,
        run: method.start(input),
        lastProgressAt: startedAt,
        lastProgressStep: -1,
        stepsPerSecond: message.stepsPerSecond ?? 0,
        rateSince: startedAt,
        rateSteps: 0,
        driving: false,
      };
      job = active;
      progress(active);
      wake(active);
    } catch (e) {
      fail(jobId, e);
    }
  }

  return {
    handle(message: ToWorker): void {
      if (message.type === 'start') {
        start(message);
        return;
      }
      const active = job;
      if (!active || active.jobId !== message.jobId) return; // a late message for an old job
      switch (message.type) {
        case 'cancel':
          active.cancelled = true;
          job = null;
          env.post({ type: 'cancelled', jobId: active.jobId });
          return;
        case 'pause':
          active.paused = true;
          progress(active); // the page shows "paused" at once, with the step reached
          return;
        case 'resume': {
          active.paused = false;
          restartRate(active);
          wake(active);
          return;
        }
        case 'speed': {
          active.stepsPerSecond = message.stepsPerSecond;
          restartRate(active);
          return;
        }
        case 'step': {
          active.paused = true;
          active.pendingSteps += Math.max(1, Math.floor(message.count ?? 1));
          wake(active);
          return;
        }
      }
    },
  };
}
