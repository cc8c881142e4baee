/**
 * Messages between the page and the experiment worker. The worker runs the given runs in
 * order and reports each result as it finishes; cancelling ends the worker (results already
 * reported are kept by the page), so no message has to get past a long training step.
 */
import type { ExperimentData, ExperimentProgress } from '../train/experiment/runner.ts';
import type { PlannedRun, RunResult } from '../train/experiment/types.ts';
import type { LabellingOptions } from '../train/labellings/options.ts';
import type { FastFeatures } from '../train/types.ts';

export type ToExperimentWorker = {
  readonly type: 'start';
  readonly jobId: number;
  readonly data: ExperimentData;
  readonly n: number;
  readonly runs: readonly PlannedRun[];
  readonly labelling: LabellingOptions;
  /** Fast-mode features of these images computed before (by an earlier experiment): reused. */
  readonly features?: FastFeatures;
};

export type FromExperimentWorker =
  | { readonly type: 'backend'; readonly jobId: number; readonly name: string }
  /** A sentence for the page, e.g. that a lost device's runs go on on the CPU. */
  | { readonly type: 'status'; readonly jobId: number; readonly text: string }
  | { readonly type: 'progress'; readonly jobId: number; readonly progress: ExperimentProgress }
  | { readonly type: 'result'; readonly jobId: number; readonly result: RunResult }
  /** The features once computed, for the page to hand to the next experiment on these images. */
  | { readonly type: 'features'; readonly jobId: number; readonly features: FastFeatures }
  /** One run failed (its reason in words); the others go on. */
  | {
      readonly type: 'runFailed';
      readonly jobId: number;
      readonly key: string;
      readonly message: string;
    }
  | { readonly type: 'done'; readonly jobId: number }
  | { readonly type: 'error'; readonly jobId: number; readonly message: string };
