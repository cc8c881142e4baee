/**
 * The training loop shared by both modes: one optimiser step per `trainBatch`, an evaluation on
 * the test split per `evaluate`. The model (end-to-end CNN or a head on precomputed features) is
 * chosen by config.mode; everything else (loss, decoding, labelling, leak checks) is the same.
 */
import type * as TF from '@tensorflow/tfjs-core';
import type { TrainCheckpoint } from './checkpoint.ts';
import { createLoop } from './loop.ts';
import type { BatchReport, EpochReport, FeatureProgress, TrainInput } from './types.ts';
import { validateInput } from './validate.ts';

export interface Trainer {
  readonly batchesPerEpoch: number;
  /** Completed epochs. */
  readonly epoch: number;
  /** epoch >= config.epochs. */
  readonly done: boolean;
  /** Fast mode: computes the features once (yielding between chunks); cnn: nothing to do. */
  prepare(onProgress?: (p: FeatureProgress) => void, shouldStop?: () => boolean): Promise<void>;
  /** Exactly one optimiser step; throws TrainingError when the loss is not a finite number. */
  trainBatch(): Promise<BatchReport>;
  /** Accuracy on the test split (and the running train accuracy of the last epoch); no leaks. */
  evaluate(): Promise<EpochReport>;
  /** Normalised embeddings z of the training images (count x n) in image order. */
  embedTrain(): Promise<Float32Array>;
  /** The class-to-prototype assignment in use (class k -> prototype assignment[k]). */
  readonly assignment: Int32Array;
  /** Changes which prototype each class is trained towards and decoded from. */
  setAssignment(assignment: Int32Array): void;
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

export function createTrainer(tf: typeof TF, input: TrainInput): Trainer {
  validateInput(input);
  return createLoop(tf, input);
}

/** Runs to config.epochs, evaluating after each epoch; returns the last evaluation. */
export async function trainToEnd(
  trainer: Trainer,
  hooks: {
    onPrepare?(p: FeatureProgress): void;
    onBatch?(r: BatchReport): void;
    onEpoch?(r: EpochReport): void;
    shouldStop?(): boolean;
  } = {},
): Promise<EpochReport> {
  await trainer.prepare(hooks.onPrepare, hooks.shouldStop);
  let last: EpochReport | null = null;
  while (!trainer.done) {
    if (hooks.shouldStop?.()) break;
    const r = await trainer.trainBatch();
    hooks.onBatch?.(r);
    if (r.batch === r.batchesPerEpoch - 1) {
      last = await trainer.evaluate();
      hooks.onEpoch?.(last);
    }
  }
  return last ?? (await trainer.evaluate());
}
