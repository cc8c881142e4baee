import type * as TF from '@tensorflow/tfjs-core';
import type { Random } from '../../core/math/random.ts';
import type { Network } from '../models/model.ts';
import type { FastFeatures, FeatureProgress } from '../types.ts';

/**
 * What differs between the two modes: where a batch's input comes from and which network reads
 * it. The training loop (loop.ts) does the rest.
 */
export interface Pipeline {
  readonly network: Network;
  /** Rows per inference chunk (bounded so a chunk's activations stay small). */
  readonly inferenceChunk: number;
  /** One-off work before training; resolves false when stopped before it finished. */
  prepare(onProgress?: (p: FeatureProgress) => void, shouldStop?: () => boolean): Promise<boolean>;
  /** Input tensor of training images `indices` (augmented if the mode does). Call inside a tidy. */
  trainInput(indices: Int32Array, rng: Random): TF.Tensor;
  /** Input tensor of images start..end-1 of a split, unaugmented. Call inside a tidy. */
  rows(split: 'train' | 'test', start: number, end: number): TF.Tensor;
  /** Fast mode's features, once prepared (computed, or the ones it was given). */
  features?(): FastFeatures | null;
  dispose(): void;
}

/** Independent seeds for the separate random choices of one run (shuffling, init, ...). */
export function subSeed(seed: number, stream: number): number {
  return seed + stream * 2 ** 32;
}

/**
 * Streams per epoch-dependent family: augmentation draws stream augment + SEED_STREAM_COUNT *
 * epoch, a new one each epoch, so a run restored at an epoch boundary draws exactly what an
 * uninterrupted one would. The labelling stream, 7, is one no augmentation stream (1, 5, 9, ...) reaches.
 */
export const SEED_STREAMS = { shuffle: 0, augment: 1, init: 2, features: 3, labelling: 7 } as const;
export const SEED_STREAM_COUNT = 4;
