/**
 * Test support: tiny made-up inputs (no CIFAR bytes) for the trainer's tests. Images carry their
 * class in their brightness; fast-mode features carry it in one coordinate, so a head separates
 * them easily.
 */
import { createRandom } from '../core/math/random.ts';
import {
  DEFAULT_TRAIN_CONFIG,
  type FastFeatures,
  type TrainConfig,
  type TrainInput,
  type TrainSplit,
} from './types.ts';

export function tinySplit(count: number, classCount: number, seed: number): TrainSplit {
  const rng = createRandom(seed);
  const labels = new Uint8Array(count);
  const pixels = new Uint8Array(count * 3072);
  for (let i = 0; i < count; i++) {
    labels[i] = i % classCount;
    const base = (labels[i] * 200) / Math.max(1, classCount - 1);
    for (let p = 0; p < 3072; p++) pixels[i * 3072 + p] = Math.min(255, base + rng.int(40));
  }
  return { count, labels, pixels };
}

/** Features of width `width`: coordinate (label) is 3, the rest small noise. */
export function tinyFeatures(
  train: TrainSplit,
  test: TrainSplit,
  width: number,
  seed: number,
): FastFeatures {
  const rng = createRandom(seed);
  const make = (split: TrainSplit) => {
    const out = new Float32Array(split.count * width);
    for (let i = 0; i < split.count; i++) {
      for (let j = 0; j < width; j++) out[i * width + j] = 0.1 * rng.normal();
      out[i * width + split.labels[i]] += 3;
    }
    return out;
  };
  return { width, train: make(train), test: make(test), seed, timeMs: 0 };
}

/** Three classes on the unit circle at 0, 120 and 240 degrees. */
export const TRIANGLE = {
  N: 3,
  n: 2,
  data: Float64Array.from([1, 0, -0.5, Math.sqrt(3) / 2, -0.5, -Math.sqrt(3) / 2]),
};

export function tinyInput(config: Partial<TrainConfig> = {}): TrainInput {
  const train = tinySplit(12, 3, 1);
  const test = tinySplit(6, 3, 2);
  return {
    train,
    test,
    classCount: 3,
    prototypes: TRIANGLE,
    features: tinyFeatures(train, test, 8, 3),
    config: {
      ...DEFAULT_TRAIN_CONFIG,
      epochs: 2,
      batchSize: 5,
      hiddenUnits: 4,
      learningRate: 0.01,
      ...config,
    },
  };
}
