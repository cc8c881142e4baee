import type { Codebook } from '../core/math/codebook.ts';
import { createCodebook } from '../core/math/codebook.ts';
import { InfeasibleError, InputError, prepareRun } from '../core/methods/registry.ts';
import type { CodeInfo, ParamValue } from '../core/methods/types.ts';
import type { SeparationMetrics } from '../core/metrics/separation.ts';
import type { JobProgress } from '../jobs/optimiserProtocol.ts';
import { liveStore } from './live.ts';
import type { PrototypeRunner } from './runner.ts';
import type { SliceCreator } from './types.ts';

/** What the controls ask for. */
export interface PrototypeRequest {
  readonly method: string;
  readonly N: number;
  readonly n: number;
  readonly seed: number;
  /** The method's parameters that differ from their defaults (by ParamSpec name). */
  readonly params: Readonly<Record<string, ParamValue>>;
}

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
  /** Changes part of the request and remakes the prototypes; on failure only `error` changes. */
  setRequest(patch: Partial<PrototypeRequest>): void;
  pauseJob(): void;
  resumeJob(): void;
  stepJob(count?: number): void;
  cancelJob(): void;
}

export const DEFAULT_REQUEST: PrototypeRequest = {
  method: 'kasarla',
  N: 4,
  n: 3,
  seed: 0,
  params: {},
};

/** The explorer draws at most this many prototypes (labels and rays thin out well before). */
export const UI_MAX_N = 2000;

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

export function createPrototypesSlice(runner: PrototypeRunner): SliceCreator<PrototypesSlice> {
  return (set, get) => {
    let token = 0;

    function launch(request: PrototypeRequest): void {
      const mine = ++token;
      const isMine = () => mine === token;
      set({
        job: { request, paused: false, step: 0, totalSteps: 0, fraction: 0, maxCosine: null },
      });
      runner.start(request, {
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
      });
    }

    // The first codebook is made as soon as the store exists.
    queueMicrotask(() => launch(get().request));

    return {
      request: DEFAULT_REQUEST,
      current: null,
      error: null,
      job: null,
      setRequest(patch) {
        const previous = get().request;
        // Parameters belong to a method: switching method starts from the new method's defaults.
        const params =
          patch.params ?? (patch.method && patch.method !== previous.method ? {} : previous.params);
        const request = { ...previous, ...patch, params };
        const problem = checkRequest(request);
        if (problem) {
          set({ request, error: problem });
          return;
        }
        set({ request, error: null });
        launch(request);
      },
      pauseJob: () => runner.pause(),
      resumeJob: () => runner.resume(),
      stepJob: (count) => runner.step(count),
      cancelJob: () => runner.cancel(),
    };
  };
}
