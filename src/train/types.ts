/**
 * The training library's public contract. The CLI, the benchmark and the browser worker all code
 * against these types; the TensorFlow.js namespace is passed in, never imported here, so the same
 * code runs on Node's cpu backend and on webgpu/webgl/cpu inside a browser worker.
 */
// Type-only, and the registry's type-only import of TrainInput closes the circle: neither file
// runs the other, and the labelling names belong to the registry that defines them.
import type { LabellingOptions } from './labellings/options.ts';
import type { LabellingName } from './labellings/registry.ts';

/** `fast`: a head trained on features computed once; `cnn`: a small CNN trained end to end. */
export type TrainMode = 'fast' | 'cnn';

/**
 * `softmax`: cross-entropy over <z, c_i>/tau with z normalised (the talk's loss).
 * `unnormalised`: cross-entropy over <f(x), c_i> with no normalisation and no tau (the authors' code).
 * `mettes`: (1 - cos(f(x), c_y))^2 (Mettes et al. 2019).
 */
export type LossKind = 'softmax' | 'unnormalised' | 'mettes';

export interface TrainConfig {
  readonly mode: TrainMode;
  readonly epochs: number;
  readonly batchSize: number;
  /** Adam's learning rate. */
  readonly learningRate: number;
  /** Temperature of the softmax loss; ignored by the other losses. */
  readonly tau: number;
  readonly loss: LossKind;
  readonly seed: number;
  /** Random horizontal flips and shifted crops; only the end-to-end CNN uses them. */
  readonly augment: boolean;
  /** Fast mode only: hidden units of the MLP head (0 = a linear head). Default 128. */
  readonly hiddenUnits?: number;
  /** Which prototype each class gets: a labelling of labellings/registry.ts (default identity). */
  readonly labelling?: LabellingName;
}

export const DEFAULT_TRAIN_CONFIG: TrainConfig = {
  mode: 'fast',
  epochs: 20,
  batchSize: 128,
  learningRate: 0.002,
  tau: 0.1,
  loss: 'softmax',
  seed: 0,
  augment: true,
  hiddenUnits: 128,
};

/** Inclusive ranges the CLI and the UI accept. */
export const TRAIN_LIMITS: {
  [K in 'epochs' | 'batchSize' | 'learningRate' | 'tau' | 'seed']: { min: number; max: number };
} = {
  epochs: { min: 1, max: 1000 },
  batchSize: { min: 1, max: 4096 },
  learningRate: { min: 1e-6, max: 10 },
  tau: { min: 1e-3, max: 100 },
  seed: { min: 0, max: 2 ** 32 - 1 },
};

export interface TrainSplit {
  readonly count: number;
  /** count x 3072 bytes, official CIFAR CHW layout (1024 red, 1024 green, 1024 blue). */
  readonly pixels: Uint8Array;
  /** Class per image, 0..K-1. */
  readonly labels: Uint8Array;
}

export interface TrainPrototypes {
  readonly N: number;
  readonly n: number;
  /** N x n unit rows. */
  readonly data: Float64Array;
}

export interface TrainInput {
  readonly train: TrainSplit;
  readonly test: TrainSplit;
  readonly classCount: number;
  readonly prototypes: TrainPrototypes;
  /**
   * The assignment a page shows with this run (class k -> prototype assignment[k]): the run
   * itself starts from its labelling's and reports each change in its epoch reports.
   */
  readonly assignment?: Int32Array;
  readonly config: TrainConfig;
  /** Settings of the labellings that have any (default DEFAULT_LABELLING_OPTIONS). */
  readonly labellingOptions?: LabellingOptions;
  /** Superclass of each class (CIFAR-100), for the `structure` labelling; else absent or null. */
  readonly coarseOfClass?: readonly number[] | null;
  /**
   * Fast mode: features already computed for these same train and test images (computeFeatures
   * in fastPipeline.ts), so a sweep over prototype methods extracts them only once.
   */
  readonly features?: FastFeatures;
}

/** Standardised fast-mode features: count x width rows for each split. */
export interface FastFeatures {
  readonly width: number;
  readonly train: Float32Array;
  readonly test: Float32Array;
  /** Features of the training images mirrored left-right (same order), when extracted. */
  readonly trainFlipped?: Float32Array;
  /** The seed the feature stage was fitted with. */
  readonly seed: number;
  /** Milliseconds fitting and extraction took. */
  readonly timeMs: number;
  /** The tfjs backend the filters were applied on (wasm when training runs on the CPU). */
  readonly backend?: string;
}

export interface BatchReport {
  /** 0-based epoch this batch belongs to. */
  readonly epoch: number;
  readonly batch: number;
  readonly batchesPerEpoch: number;
  readonly loss: number;
  readonly imagesPerSecond: number;
}

export interface EpochReport {
  /** Epochs completed. */
  readonly epoch: number;
  /** Mean training loss over the batches of the last epoch (NaN when none ran). */
  readonly loss: number;
  readonly trainAccuracy: number;
  readonly testAccuracy: number;
  readonly perClassAccuracy: readonly number[];
  /** K x K, row = true class, column = predicted class. */
  readonly confusion: Int32Array;
  /** Test count x n, unit rows. */
  readonly embeddings: Float32Array;
  /** Predicted class per test image. */
  readonly predictions: Int32Array;
  /** The hard class -> prototype assignment decoded with (null in a free warm-up). */
  readonly assignment: Int32Array | null;
  /** tf.memory().numTensors after the evaluation (the same after every epoch: no leaks). */
  readonly numTensors: number;
  /** Milliseconds spent so far in prepare, trainBatch and evaluate (idle time between calls not counted). */
  readonly timeMs: number;
}

export interface FeatureProgress {
  readonly done: number;
  readonly total: number;
  /** The tfjs backend applying the filters (known once the pass has started). */
  readonly backend?: string;
}

/** A failure a student can act on (NaN loss, bad sizes); the message says what to change. */
export class TrainingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TrainingError';
  }
}
