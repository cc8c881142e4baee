/**
 * The training worker keeps the last fast-mode features it computed, keyed by the exact images,
 * so the next run on the same data (another method, labelling or seed: features are the data's,
 * fitted with FEATURE_SEED) starts training at once instead of extracting them again.
 */
import type { FastFeatures, TrainInput } from '../train/types.ts';

/** FNV-1a over every label and pixel of both splits: equal exactly for the same images. */
export function imagesKey(input: Pick<TrainInput, 'train' | 'test'>): string {
  let h = 0x811c9dc5;
  for (const split of [input.train, input.test]) {
    h = Math.imul(h ^ split.count, 0x01000193);
    for (let i = 0; i < split.labels.length; i++) h = Math.imul(h ^ split.labels[i], 0x01000193);
    const { pixels } = split;
    for (let i = 0; i < pixels.length; i++) h = Math.imul(h ^ pixels[i], 0x01000193);
  }
  return `${input.train.count}/${input.test.count}/${(h >>> 0).toString(16)}`;
}

export function createFeatureCache() {
  let kept: { key: string; features: FastFeatures } | null = null;
  return {
    /** The input with the kept features when they are for its images (fast mode only). */
    withKept(input: TrainInput): { input: TrainInput; key: string | null; reused: boolean } {
      if (input.config.mode !== 'fast' || input.features)
        return { input, key: null, reused: false };
      const key = imagesKey(input);
      if (kept?.key !== key) return { input, key, reused: false };
      return { input: { ...input, features: kept.features }, key, reused: true };
    },
    keep(key: string | null, features: FastFeatures | null): void {
      if (key !== null && features !== null) kept = { key, features };
    },
  };
}
