/**
 * Which prototype each class trains towards. `identity`: class k -> prototype k. `random`: a
 * seeded random injection. `hungarian` (DL2PA): train a short warm-up with identity, then give
 * each class the prototype its mean embedding already points towards (an exact Hungarian
 * assignment maximising sum_k <mean_k, c_assignment(k)>), and continue with that.
 */
import {
  classMeanAssignment,
  normalisedClassMeans,
} from '../core/labelling/classMeanAssignment.ts';
import { identityLabelling, randomLabelling } from '../core/labelling/permutation.ts';
import { createCodebook } from '../core/math/codebook.ts';
import type { Trainer } from './trainer.ts';
import type { BatchReport, EpochReport, FeatureProgress, TrainInput } from './types.ts';

export const LABELLINGS = ['identity', 'random', 'hungarian'] as const;
export type LabellingKind = (typeof LABELLINGS)[number];

/** Epochs trained with identity before the Hungarian assignment. */
export const HUNGARIAN_WARMUP_EPOCHS = 1;

/** The assignment training starts with. */
export function initialAssignment(
  kind: LabellingKind,
  classCount: number,
  prototypeCount: number,
  seed: number,
): Int32Array {
  return kind === 'random'
    ? randomLabelling(classCount, seed, prototypeCount)
    : identityLabelling(classCount);
}

/** The Hungarian assignment for the trainer's current embeddings of the training images. */
export async function classMeanRelabelling(
  trainer: Pick<Trainer, 'embedTrain'>,
  input: TrainInput,
): Promise<{ assignment: Int32Array; score: number }> {
  const { prototypes, classCount, train } = input;
  const z = await trainer.embedTrain();
  const means = normalisedClassMeans(z, train.labels, classCount, prototypes.n);
  const { labelling, score } = classMeanAssignment(
    means,
    classCount,
    createCodebook(prototypes.N, prototypes.n, prototypes.data),
  );
  return { assignment: labelling, score };
}

/**
 * Hungarian labelling's relabelling, due once the warm-up epochs are done (the caller calls it
 * after each epoch's last batch, before that epoch's evaluation, which then decodes with it):
 * each class gets the prototype its mean training embedding points to. Null when not due (another
 * labelling, or another epoch). The live training host and trainWithLabelling both use it.
 */
export async function relabelAfterWarmUp(
  trainer: Pick<Trainer, 'epoch' | 'embedTrain' | 'setAssignment'>,
  input: TrainInput,
  kind: LabellingKind,
): Promise<{ assignment: Int32Array; score: number } | null> {
  if (kind !== 'hungarian' || trainer.epoch !== HUNGARIAN_WARMUP_EPOCHS) return null;
  const relabelled = await classMeanRelabelling(trainer, input);
  trainer.setAssignment(relabelled.assignment);
  return relabelled;
}

export interface LabelledHooks {
  onPrepare?(p: FeatureProgress): void;
  onBatch?(r: BatchReport): void;
  onEpoch?(r: EpochReport): void;
  /** Called when the Hungarian assignment replaces the warm-up's identity. */
  onRelabel?(assignment: Int32Array, score: number): void;
  shouldStop?(): boolean;
}

/**
 * Like trainToEnd, with the labelling applied: for `hungarian`, relabels after the warm-up (or
 * after the last epoch when there are fewer, then evaluates again with the new decoder).
 * The trainer must have been created with initialAssignment(kind, ...).
 */
export async function trainWithLabelling(
  trainer: Trainer,
  input: TrainInput,
  kind: LabellingKind,
  hooks: LabelledHooks = {},
): Promise<EpochReport> {
  await trainer.prepare(hooks.onPrepare, hooks.shouldStop);
  let last: EpochReport | null = null;
  let relabelled = kind !== 'hungarian';
  const told = (r: { assignment: Int32Array; score: number } | null) => {
    if (r === null) return;
    hooks.onRelabel?.(r.assignment, r.score);
    relabelled = true;
  };
  while (!trainer.done) {
    if (hooks.shouldStop?.()) break;
    const r = await trainer.trainBatch();
    hooks.onBatch?.(r);
    if (r.batch === r.batchesPerEpoch - 1) {
      told(await relabelAfterWarmUp(trainer, input, kind));
      last = await trainer.evaluate();
      hooks.onEpoch?.(last);
    }
  }
  if (!relabelled && trainer.epoch > 0) {
    // Fewer epochs than the warm-up: relabel at the end, and evaluate with the new decoder.
    const r = await classMeanRelabelling(trainer, input);
    trainer.setAssignment(r.assignment);
    told(r);
    last = null;
  }
  return last ?? (await trainer.evaluate());
}
