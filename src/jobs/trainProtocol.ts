import type {
  BackendChoice,
  BackendName,
  BackendProbe,
  BackendSelection,
} from '../train/browser/choose.ts';
import type { TrainCheckpoint } from '../train/checkpoint.ts';
import type { BatchReport, EpochReport, TrainInput } from '../train/types.ts';

/**
 * Messages between the page and the training worker. The worker runs one optimiser step at a
 * time and reads its inbox between steps, so pause, single step and stop act after exactly the
 * step in progress. Every message carries the job id, so a late message from a replaced or
 * stopped run is recognised and dropped.
 */
export type ToTrainWorker =
  | {
      readonly type: 'start';
      readonly jobId: number;
      readonly input: TrainInput;
      readonly backend: BackendChoice;
      /** Calibration numbers from an earlier run, so `auto` need not time the backends again. */
      readonly known?: readonly BackendProbe[];
      /** Start paused after the preparation (for single-stepping from the first step). */
      readonly paused?: boolean;
      /** Go on from this checkpoint (after a lost device) instead of from the start. */
      readonly resume?: TrainCheckpoint;
    }
  | { readonly type: 'pause'; readonly jobId: number }
  | { readonly type: 'resume'; readonly jobId: number }
  /** One optimiser step (a batch), then paused. */
  | { readonly type: 'step'; readonly jobId: number }
  | { readonly type: 'stop'; readonly jobId: number }
  /** Loses the GPU device on purpose (to see and test how a lost device is handled). */
  | { readonly type: 'lose-device'; readonly jobId: number };

/** A look at the test embeddings between epochs (the live view moves with training). */
export interface LiveEvaluation {
  readonly epoch: number;
  readonly batch: number;
  readonly testAccuracy: number;
  readonly embeddings: Float32Array;
  readonly predictions: Int32Array;
}

export type TrainErrorKind =
  /** The input cannot be trained (sizes, too few prototypes); the message says what to change. */
  | 'input'
  /** Training went wrong (the loss became NaN); the message explains. */
  | 'training'
  /** The GPU device or WebGL context was lost; another backend can take over. */
  | 'device-lost'
  /** A bug or an unexpected failure. */
  | 'internal';

export type FromTrainWorker =
  | { readonly type: 'status'; readonly jobId: number; readonly text: string }
  | { readonly type: 'backend'; readonly jobId: number; readonly selection: BackendSelection }
  | {
      readonly type: 'prepare';
      readonly jobId: number;
      readonly done: number;
      readonly total: number;
      /** The tfjs backend computing the features (wasm while training runs on the cpu). */
      readonly backend?: string;
    }
  | {
      readonly type: 'batch';
      readonly jobId: number;
      readonly report: BatchReport;
      /** Milliseconds this step took, as the page cannot time the worker. */
      readonly stepMs: number;
    }
  | { readonly type: 'epoch'; readonly jobId: number; readonly report: EpochReport }
  /** Hungarian labelling chose the class -> prototype assignment (after its warm-up epoch). */
  | { readonly type: 'assignment'; readonly jobId: number; readonly assignment: Int32Array }
  /** The run's state after each epoch but the last, for going on after a lost device. */
  | { readonly type: 'checkpoint'; readonly jobId: number; readonly checkpoint: TrainCheckpoint }
  | { readonly type: 'live'; readonly jobId: number; readonly live: LiveEvaluation }
  | { readonly type: 'paused'; readonly jobId: number; readonly paused: boolean }
  | { readonly type: 'done'; readonly jobId: number; readonly epochs: number }
  | {
      readonly type: 'error';
      readonly jobId: number;
      readonly kind: TrainErrorKind;
      readonly message: string;
      /** The backend that failed (device-lost). */
      readonly backend?: BackendName;
    }
  | { readonly type: 'stopped'; readonly jobId: number };
