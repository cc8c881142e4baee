import type { CodeInfo, ParamValue } from '../core/methods/types.ts';
import type { SeparationMetrics } from '../core/metrics/separation.ts';

/**
 * Messages between the page and the optimiser worker. Every message carries the job id, so a
 * late message from a job that was replaced or cancelled is recognised and dropped.
 */
export interface JobRequest {
  readonly method: string;
  readonly N: number;
  readonly n: number;
  readonly seed: number;
  readonly params?: Readonly<Record<string, ParamValue | undefined>>;
}

export type ToWorker =
  | {
      readonly type: 'start';
      readonly jobId: number;
      readonly request: JobRequest;
      /** Send the live prototypes with progress (always done for n <= 4). */
      readonly sendPrototypes?: boolean;
      /** Start paused (for single-stepping from the first step). */
      readonly paused?: boolean;
      /** Animation speed: at most this many steps per second (absent or 0: no cap). */
      readonly stepsPerSecond?: number;
    }
  | {
      /** Changes the speed cap of the running job (0: no cap); the prototypes do not change. */
      readonly type: 'speed';
      readonly jobId: number;
      readonly stepsPerSecond: number;
    }
  | { readonly type: 'pause'; readonly jobId: number }
  | { readonly type: 'resume'; readonly jobId: number }
  | { readonly type: 'step'; readonly jobId: number; readonly count?: number }
  | { readonly type: 'cancel'; readonly jobId: number };

export interface JobProgress {
  readonly type: 'progress';
  readonly jobId: number;
  readonly step: number;
  readonly totalSteps: number;
  /** In [0, 1]. */
  readonly fraction: number;
  readonly objective: number;
  readonly maxCosine: number;
  readonly minAngleDeg: number;
  readonly paused: boolean;
  /** Row-major N x n copy of the prototypes now, when asked for or n <= 4. */
  readonly prototypes?: Float64Array;
}

export interface JobResult {
  readonly N: number;
  readonly n: number;
  readonly data: Float64Array;
  /** Packed code words (see BinaryWords) for exact cosines, with their length. */
  readonly words?: { readonly length: number; readonly bits: Uint32Array };
  readonly code?: CodeInfo;
  readonly steps?: number;
  readonly route?: string;
  readonly metrics: SeparationMetrics;
  readonly timeMs: number;
}

export type FromWorker =
  | JobProgress
  | { readonly type: 'done'; readonly jobId: number; readonly result: JobResult }
  | {
      readonly type: 'error';
      readonly jobId: number;
      /** input: bad numbers; infeasible: the method cannot run here; internal: a bug. */
      readonly kind: 'input' | 'infeasible' | 'internal';
      readonly message: string;
    }
  | { readonly type: 'cancelled'; readonly jobId: number };

/** Progress messages per second the worker aims for (the issue asks for at least 10). */
export const PROGRESS_PER_SECOND = 20;
/** Longest stretch of work between two looks at the inbox (pause/step/cancel). */
export const CHUNK_MS = 25;
