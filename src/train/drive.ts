/**
 * The one epoch driver: the command line, the benchmarks and experiments train to the end with
 * trainEpochs; the live worker keeps its own pause/step pump but steps with trainStep, so every
 * caller evaluates, reports and checkpoints at the same points.
 */
import type { TrainCheckpoint } from './checkpoint.ts';
import type { Trainer } from './trainer.ts';
import type { BatchReport, EpochReport, FeatureProgress } from './types.ts';

export interface DriveHooks {
  onPrepare?(p: FeatureProgress): void;
  onBatch?(r: BatchReport): void;
  /** After each epoch's evaluation. */
  onEpoch?(r: EpochReport): void;
  /** The state after each epoch but the last; without this hook none is read back. */
  onCheckpoint?(c: TrainCheckpoint): void;
  /** Read before every step: true ends the run between two steps. */
  shouldStop?(): boolean;
  /** Wraps every wait on the backend (the live worker races them against a lost device). */
  guard?<T>(work: Promise<T>): Promise<T>;
}

const unguarded = <T>(work: Promise<T>) => work;

/**
 * One step; after an epoch's last one (unless stopped meanwhile), its evaluation and checkpoint.
 */
export async function trainStep(
  trainer: Pick<Trainer, 'trainBatch' | 'evaluate' | 'checkpoint' | 'done'>,
  hooks: DriveHooks,
): Promise<{ batch: BatchReport; epoch: EpochReport | null }> {
  const guard = hooks.guard ?? unguarded;
  const batch = await guard(trainer.trainBatch());
  hooks.onBatch?.(batch);
  const last = batch.batch === batch.batchesPerEpoch - 1;
  if (!last || hooks.shouldStop?.()) return { batch, epoch: null };
  const epoch = await guard(trainer.evaluate());
  hooks.onEpoch?.(epoch);
  if (hooks.onCheckpoint && !trainer.done) hooks.onCheckpoint(await guard(trainer.checkpoint()));
  return { batch, epoch };
}

/**
 * Prepares, goes on from `resume` when given, and trains to config.epochs; resolves with the
 * last evaluation, or null when stopped first.
 */
export async function trainEpochs(
  trainer: Trainer,
  hooks: DriveHooks = {},
  resume?: TrainCheckpoint,
): Promise<EpochReport | null> {
  const guard = hooks.guard ?? unguarded;
  await guard(trainer.prepare(hooks.onPrepare, hooks.shouldStop));
  if (hooks.shouldStop?.()) return null;
  if (resume) await guard(trainer.restore(resume));
  let last: EpochReport | null = null;
  while (!trainer.done) {
    if (hooks.shouldStop?.()) return null;
    last = (await trainStep(trainer, hooks)).epoch ?? last;
  }
  return last ?? (await guard(trainer.evaluate()));
}
