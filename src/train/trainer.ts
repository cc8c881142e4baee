/**
 * The training library's entry: a Trainer is one run (run.ts), stepped one batch at a time by
 * the epoch driver (drive.ts) or by the live worker's pump, which calls the same hooks.
 */
import type * as TF from '@tensorflow/tfjs-core';
import type { TrainCheckpoint } from './checkpoint.ts';
import { DEFAULT_LABELLING_OPTIONS } from './labellings/options.ts';
import { getLabelling, isLabellingName } from './labellings/registry.ts';
import type { Pipeline } from './pipelines/pipeline.ts';
import { createTrainingRun } from './run.ts';
import {
  type BatchReport,
  type EpochReport,
  type FastFeatures,
  type FeatureProgress,
  type TrainInput,
  TrainingError,
} from './types.ts';
import { validateInput } from './validate.ts';

export interface Trainer {
  readonly batchesPerEpoch: number;
  /** Completed epochs. */
  readonly epoch: number;
  /** epoch >= config.epochs. */
  readonly done: boolean;
  /** Fast mode: computes the features once (yielding between chunks); cnn: nothing to do. */
  prepare(onProgress?: (p: FeatureProgress) => void, shouldStop?: () => boolean): Promise<void>;
  /**
   * Exactly one optimiser step; after an epoch's last one, the labelling's epoch hook (which
   * may relabel). Throws TrainingError when the loss is not a finite number.
   */
  trainBatch(): Promise<BatchReport>;
  /** Accuracy on the test split (and the running train accuracy of the last epoch); no leaks. */
  evaluate(): Promise<EpochReport>;
  /** Fast mode's features once prepared (to hand to the next run on the same images). */
  features(): FastFeatures | null;
  /** Normalised embeddings z of the training images (count x n) in image order. */
  embedTrain(): Promise<Float32Array>;
  /** The hard class -> prototype assignment in use (null while a labelling has none yet). */
  readonly assignment: Int32Array | null;
  /** The weights and optimiser state after the last completed epoch (only between epochs). */
  checkpoint(): Promise<TrainCheckpoint>;
  /**
   * Goes on from a checkpoint (possibly taken on another backend): after prepare(), before the
   * first step. The next step is the first of epoch `checkpoint.epoch`.
   */
  restore(checkpoint: TrainCheckpoint): Promise<void>;
  /** Frees every tensor it made. */
  dispose(): void;
}

/**
 * Checks the input (sizes, ranges, and whether its labelling can run on this data) before any
 * tensor is made; every problem is a TrainingError of one sentence.
 */
export function createTrainer(tf: typeof TF, input: TrainInput, pipeline?: Pipeline): Trainer {
  validateInput(input);
  const name = input.config.labelling ?? 'identity';
  if (!isLabellingName(name)) throw new TrainingError(`unknown labelling "${name}"`);
  const refusal = getLabelling(name).refusal(
    input,
    input.labellingOptions ?? DEFAULT_LABELLING_OPTIONS,
  );
  if (refusal !== null) throw new TrainingError(refusal);
  return createTrainingRun(tf, input, pipeline);
}
