/**
 * Fast mode: features computed once (patch k-means stage, fastFeatures.ts), standardised with the
 * training set's statistics, kept as two tensors; only the head trains.
 */
import type * as TF from '@tensorflow/tfjs-core';
import {
  extractFeatures,
  FAST_FEATURES,
  type FeatureOptions,
  featureCount,
  fitStandardiser,
  standardise,
} from '../models/fastFeatures.ts';
import { createHead } from '../models/head.ts';
import { fitPatchStage } from '../models/patchStage.ts';
import {
  DEFAULT_TRAIN_CONFIG,
  type FastFeatures,
  type FeatureProgress,
  type TrainInput,
  TrainingError,
  type TrainSplit,
} from '../types.ts';
import { type Pipeline, SEED_STREAMS, subSeed } from './pipeline.ts';

/**
 * Fits the feature stage on the training images and extracts standardised features of both
 * splits. Progress counts images (train then test). Resolves null when stopped.
 */
export async function computeFeatures(
  tf: typeof TF,
  train: TrainSplit,
  test: TrainSplit,
  seed: number,
  onProgress?: (p: FeatureProgress) => void,
  shouldStop?: () => boolean,
  options: FeatureOptions = FAST_FEATURES,
): Promise<FastFeatures | null> {
  const start = performance.now();
  const flipped = options.flips ? train.count : 0;
  const total = train.count + flipped + test.count;
  onProgress?.({ done: 0, total });
  const stage = fitPatchStage(train.pixels, train.count, {
    ...options,
    seed: subSeed(seed, SEED_STREAMS.features),
  });
  const backend = tf.getBackend();
  // Progress counts images: the training set, its mirror images, then the test set.
  const extract = (split: TrainSplit, offset: number, flip: boolean) =>
    extractFeatures(
      tf,
      stage,
      options,
      split.pixels,
      split.count,
      (done) => onProgress?.({ done: offset + done, total, backend }),
      shouldStop,
      flip,
    );
  const trainRows = await extract(train, 0, false);
  if (trainRows === null) return null;
  const flippedRows = options.flips ? await extract(train, train.count, true) : null;
  if (options.flips && flippedRows === null) return null;
  const testRows = await extract(test, train.count + flipped, false);
  if (testRows === null) return null;
  const width = featureCount(options);
  // Standardise with the statistics of the (unmirrored) training images only.
  const standardiser = fitStandardiser(trainRows, width);
  standardise(trainRows, width, standardiser);
  standardise(testRows, width, standardiser);
  if (flippedRows) standardise(flippedRows, width, standardiser);
  return {
    width,
    train: trainRows,
    test: testRows,
    ...(flippedRows ? { trainFlipped: flippedRows } : {}),
    seed,
    timeMs: performance.now() - start,
    backend,
  };
}

/**
 * The seed the feature stage is fitted with, whatever the run's seed: features belong to the
 * data, so every run on the same images sees the same ones (an experiment computes them once).
 */
export const FEATURE_SEED = 0;

export function createFastPipeline(tf: typeof TF, input: TrainInput): Pipeline {
  const { config } = input;
  const width = input.features?.width ?? featureCount(FAST_FEATURES);
  const hidden = config.hiddenUnits ?? DEFAULT_TRAIN_CONFIG.hiddenUnits ?? 0;
  const network = createHead(
    tf,
    width,
    hidden,
    input.prototypes.n,
    subSeed(config.seed, SEED_STREAMS.init),
  );
  // Training rows 0..count-1, then (with flip features) their mirror images count..2count-1.
  let trainX: TF.Tensor2D | null = null;
  let testX: TF.Tensor2D | null = null;
  let mirrored = false;
  let prepared: FastFeatures | null = null;
  const ready = (split: 'train' | 'test'): TF.Tensor2D => {
    const x = split === 'train' ? trainX : testX;
    if (x === null)
      throw new TrainingError('the features are not computed yet: call prepare() first');
    return x;
  };
  return {
    network,
    inferenceChunk: 1000,
    async prepare(onProgress, shouldStop) {
      if (trainX !== null) return true;
      let features = input.features ?? null;
      if (features === null) {
        features = await computeFeatures(
          tf,
          input.train,
          input.test,
          FEATURE_SEED,
          onProgress,
          shouldStop,
        );
        if (features === null) return false;
      }
      if (
        features.width !== width ||
        features.train.length !== input.train.count * width ||
        features.test.length !== input.test.count * width
      ) {
        throw new TrainingError(
          'the precomputed features do not match the images: compute them again for this subset',
        );
      }
      const flipped = features.trainFlipped;
      if (flipped !== undefined && flipped.length !== features.train.length) {
        throw new TrainingError(
          'the mirrored training features do not match the images: compute them again',
        );
      }
      mirrored = flipped !== undefined;
      prepared = features;
      trainX = tf.tidy(() => {
        const plain = tf.tensor2d(features.train, [input.train.count, width]);
        return flipped === undefined
          ? plain
          : (tf.concat([plain, tf.tensor2d(flipped, [input.train.count, width])]) as TF.Tensor2D);
      });
      testX = tf.tensor2d(features.test, [input.test.count, width]);
      return true;
    },
    trainInput(indices, rng) {
      let rows = indices;
      if (mirrored && config.augment) {
        // Each image is seen as itself or as its mirror image, at random.
        rows = Int32Array.from(indices, (i) => (rng.next() < 0.5 ? i : i + input.train.count));
      }
      return tf.gather(ready('train'), tf.tensor1d(rows, 'int32'));
    },
    rows(split, start, end) {
      return tf.slice(ready(split), [start, 0], [end - start, -1]);
    },
    features: () => prepared,
    dispose() {
      network.dispose();
      trainX?.dispose();
      testX?.dispose();
      trainX = null;
      testX = null;
      prepared = null;
    },
  };
}
