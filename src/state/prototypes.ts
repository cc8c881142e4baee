import type { Codebook } from '../core/math/codebook.ts';
import { createCodebook } from '../core/math/codebook.ts';
import { InfeasibleError, InputError, prepareRun } from '../core/methods/registry.ts';
import type { CodeInfo } from '../core/methods/types.ts';
import type { SeparationMetrics } from '../core/metrics/separation.ts';
import type { OptimiserJobs } from '../jobs/optimiserClient.ts';
import type { JobProgress } from '../jobs/optimiserProtocol.ts';
import {
  DEFAULT_REQUEST,
  DEFAULT_SPEED,
  MAX_SPEED,
  type PrototypeRequest,
  UI_MAX_N,
} from './defaults.ts';
import type { SliceCreator } from './labState.ts';
import { createLiveStore, type LiveStore } from './live.ts';

/** A codebook that was made, with the request that made it and its separation numbers. */
export interface PrototypeResult extends PrototypeRequest {
  readonly codebook: Codebook;
  readonly metrics: SeparationMetrics;
  readonly code?: CodeInfo;
  readonly steps?: number;
  readonly route?: string;
  readonly timeMs: number;
}

/** The job that is making prototypes now (progress arrives a few times a second). */
export interface JobStatus {
  readonly request: PrototypeRequest;
  readonly paused: boolean;
  readonly step: number;
  readonly totalSteps: number;
  readonly fraction: number;
  readonly maxCosine: number | null;
}

export interface PrototypesSlice {
  /** The controls' values: the last request, whether or not it could be made. */
  readonly request: PrototypeRequest;
  /** What the readout shows: the last request that finished. */
  readonly current: PrototypeResult | null;
  /** Why the last request was not made (null when it was). */
  readonly error: string | null;
  /** The running job, or null. */
  readonly job: JobStatus | null;
  /** Animation speed: optimiser steps per second at most (0: as fast as the machine goes). */
  readonly speed: number;
  /** Things the user should know about how the page was set up (e.g. a link's bad values). */
  readonly notices: readonly string[];
  /** This store's own stream of a running job's prototypes (see live.ts); never replaced. */
  readonly live: LiveStore;
  /** Changes part of the request and remakes the prototypes; on failure only `error` changes. */
  setRequest(patch: Partial<PrototypeRequest>): void;
  /** Replaces the whole request (a link, a reset of all settings) and remakes the prototypes. */
  replaceRequest(request: PrototypeRequest): void;
  /** Makes the prototypes of the request again from its seed (Run, Reset); `paused` to step. */
  restartJob(paused?: boolean): void;
  pauseJob(): void;
  resumeJob(): void;
  /** Single steps; with no job running, starts the request paused at step 0 first. */
  stepJob(count?: number): void;
  cancelJob(): void;
  setSpeed(stepsPerSecond: number): void;
  setNotices(notices: readonly string[]): void;
  dismissNotices(): void;
}

/** Checks a request on the page (cheap: no prototypes are made); null when it can run. */
export function checkRequest(request: PrototypeRequest): string | null {
  if (request.N > UI_MAX_N) {
    return `the explorer shows at most ${UI_MAX_N} prototypes; the command line makes up to 20000 (N = ${request.N})`;
  }
  try {
    prepareRun(request);
    return null;
  } catch (e) {
    if (e instanceof InputError || e instanceof InfeasibleError) return e.message;
    throw e;
  }
}

export function createPrototypesSlice(
  jobs: OptimiserJobs,
  liveStore: LiveStore = createLiveStore(),
): SliceCreator<PrototypesSlice> {
  return (set, get) => {
    let token = 0;

    function launch(request: PrototypeRequest, paused = false): void {
      const mine = ++token;
      const isMine = () => mine === token;
      set({
        job: { request, paused, step: 0, totalSteps: 0, fraction: 0, maxCosine: null },
      });
      const options = { paused, stepsPerSecond: get().speed };
      jobs.start(
        request,
        {
          onProgress(p: JobProgress) {
            if (!isMine()) return;
            if (p.prototypes) {
              liveStore.setState({
                jobId: mine,
                N: request.N,
                n: request.n,
                step: p.step,
                data: p.prototypes,
              });
            }
            set({
              job: {
                request,
                paused: p.paused,
                step: p.step,
                totalSteps: p.totalSteps,
                fraction: p.fraction,
                maxCosine: Number.isFinite(p.maxCosine) ? p.maxCosine : null,
              },
            });
          },
          onDone(result) {
            if (!isMine()) return;
            liveStore.setState({ jobId: 0, data: null });
            set({
              job: null,
              error: null,
              current: {
                ...request,
                codebook: createCodebook(result.N, result.n, result.data),
                metrics: result.metrics,
                code: result.code,
                steps: result.steps,
                route: result.route,
                timeMs: result.timeMs,
              },
            });
          },
          onError(_kind, message) {
            if (!isMine()) return;
            liveStore.setState({ jobId: 0, data: null });
            set({ job: null, error: message });
          },
          onCancelled() {
            if (!isMine()) return;
            liveStore.setState({ jobId: 0, data: null });
            set({ job: null });
          },
        },
        options,
      );
    }

    /** Shows the request in the controls and makes it, or says why it cannot be made. */
    function apply(request: PrototypeRequest, paused = false): void {
      const problem = checkRequest(request);
      if (problem) {
        set({ request, error: problem });
        return;
      }
      set({ request, error: null });
      launch(request, paused);
    }

    // The first codebook is made as soon as the store exists, unless a link (urlSync) or an
    // embedding page has already asked for one in the same task.
    queueMicrotask(() => {
      if (token === 0) apply(get().request);
    });

    return {
      request: DEFAULT_REQUEST,
      current: null,
      error: null,
      job: null,
      speed: DEFAULT_SPEED,
      notices: [],
      live: liveStore,
      setRequest(patch) {
        const previous = get().request;
        // Parameters belong to a method: switching method starts from the new method's defaults.
        const params =
          patch.params ?? (patch.method && patch.method !== previous.method ? {} : previous.params);
        apply({ ...previous, ...patch, params });
      },
      replaceRequest(request) {
        apply({ ...request, params: { ...request.params } });
      },
      restartJob(paused = false) {
        apply(get().request, paused);
      },
      pauseJob: () => jobs.pause(),
      resumeJob: () => jobs.resume(),
      stepJob(count = 1) {
        if (!get().job) {
          apply(get().request, true);
          if (!get().job) return; // the request cannot be made; `error` says why
        }
        jobs.step(count);
      },
      cancelJob: () => jobs.cancel(),
      setSpeed(stepsPerSecond) {
        const speed = Number.isFinite(stepsPerSecond)
          ? Math.min(MAX_SPEED, Math.max(0, stepsPerSecond))
          : DEFAULT_SPEED;
        set({ speed });
        jobs.setSpeed(speed);
      },
      setNotices: (notices) => set({ notices }),
      dismissNotices: () => set({ notices: [] }),
    };
  };
}
