/** End-to-end mode: standardised images (augmented when config.augment) into the small CNN. */
import type * as TF from '@tensorflow/tfjs-core';
import { augmentBatch } from '../augment.ts';
import { range, standardisingMap, toNhwc } from '../images.ts';
import { createCnn } from '../models/cnn.ts';
import type { TrainInput } from '../types.ts';
import { type Pipeline, SEED_STREAMS, subSeed } from './pipeline.ts';

export function createCnnPipeline(tf: typeof TF, input: TrainInput): Pipeline {
  const { train, test, config } = input;
  // Standardise with the training set's statistics only.
  const map = standardisingMap(train.pixels, train.count);
  const network = createCnn(tf, input.prototypes.n, subSeed(config.seed, SEED_STREAMS.init));
  const tensorOf = (values: Float32Array, count: number) => tf.tensor4d(values, [count, 32, 32, 3]);
  return {
    network,
    inferenceChunk: 250,
    prepare: async () => true,
    trainInput(indices, rng) {
      const values = toNhwc(train.pixels, indices, map);
      if (config.augment) augmentBatch(values, indices.length, rng);
      return tensorOf(values, indices.length);
    },
    rows(split, start, end) {
      const source = split === 'train' ? train : test;
      return tensorOf(toNhwc(source.pixels, range(start, end), map), end - start);
    },
    dispose() {
      network.dispose();
    },
  };
}
