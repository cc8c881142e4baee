/**
 * Runs an experiment's planned runs one after another on one data set: fast-mode features are
 * computed once and shared (every run sees the same inputs), prototypes are made per run from
 * (method, N, n, seed), and each run is an ordinary training run (../trainer.ts) with its
 * labelling, driven by the one epoch driver (../drive.ts). Results arrive one run at a time, so
 * charts and storage can follow along.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { TRAINING_STEPS } from '../../core/methods/best.ts';
import { runMethod } from '../../core/methods/registry.ts';
import { separationMetrics } from '../../core/metrics/separation.ts';
import type { TrainCheckpoint } from '../checkpoint.ts';
import { trainEpochs } from '../drive.ts';
import type { LabellingOptions } from '../labellings/options.ts';
import { runLeak, tensorLeak } from '../leak.ts';
import { computeFeatures, FEATURE_SEED } from '../pipelines/fastPipeline.ts';
import { createTrainer } from '../trainer.ts';
import type { EpochReport, FastFeatures, TrainSplit } from '../types.ts';
import type { PlannedRun, RunResult } from './types.ts';

export interface ExperimentData {
  readonly train: TrainSplit;
  readonly test: TrainSplit;
  readonly classNames: readonly string[];
  /** Superclass of each class (CIFAR-100), else null. */
  readonly coarseOfClass: readonly number[] | null;
}

export type ExperimentProgress =
  | { readonly stage: 'features'; readonly done: number; readonly total: number }
  | {
      readonly stage: 'run';
      readonly key: string;
      /** Index of the run among those being run now. */
      readonly index: number;
      readonly count: number;
      /** Fraction of this run's batches done (summed over the runs at once, with several). */
      readonly fraction: number;
      /** Runs training at once on separate workers (jobs/experimentPool.ts); absent: one. */
      readonly runsAtOnce?: number;
    };

export interface ExperimentHooks {
  onProgress?(p: ExperimentProgress): void;
  onResult?(r: RunResult): void;
  /**
   * The running run's state after each of its epochs (to go on after a lost device); `final`
   * for its trained weights after the last.
   */
  onCheckpoint?(key: string, checkpoint: TrainCheckpoint, final: boolean): void;
  shouldStop?(): boolean;
  /** The shared features once computed (a host keeps them to go on after a lost device). */
  onFeatures?(features: FastFeatures): void;
  /** Wraps every wait on the backend (a host races them against a lost device). */
  guard?<T>(work: Promise<T>): Promise<T>;
  /**
   * A run that failed (e.g. its loss became NaN), with the reason in words; the others go on.
   * Without this hook a failure ends the experiment. Errors `fatal` accepts always end it.
   */
  onRunFailed?(key: string, message: string): void;
  fatal?(error: unknown): boolean;
}

/** The prototypes a run trains with: `best` follows its fixed plan, never the clock. */
export function runPrototypes(method: string, N: number, n: number, seed: number) {
  const params = method === 'best' ? { steps: TRAINING_STEPS } : {};
  return runMethod({ method, N, n, seed, params });
}

/**
 * Runs `runs` (usually remainingRuns of a plan); resolves with the results of those that
 * finished (fewer when stopped). `features` may be passed in to reuse ones already computed;
 * `resume` goes on with the first run from its checkpoint.
 */
export async function runExperiment(
  tf: typeof TF,
  data: ExperimentData,
  n: number,
  runs: readonly PlannedRun[],
  labellingOptions: LabellingOptions,
  hooks: ExperimentHooks = {},
  features: FastFeatures | null = null,
  resume?: TrainCheckpoint,
): Promise<RunResult[]> {
  let shared = features;
  if (shared === null && runs.some((r) => r.config.mode === 'fast')) {
    shared = await computeFeatures(
      tf,
      data.train,
      data.test,
      FEATURE_SEED,
      (p) => hooks.onProgress?.({ stage: 'features', ...p }),
      hooks.shouldStop,
    );
    if (shared === null) return [];
    hooks.onFeatures?.(shared);
  }
  const results: RunResult[] = [];
  for (let i = 0; i < runs.length; i++) {
    if (hooks.shouldStop?.()) break;
    const run = runs[i];
    let result: RunResult | null;
    try {
      const at = { index: i, count: runs.length };
      const context = { tf, data, n, labellingOptions, hooks, features: shared };
      result = await oneRun(context, run, at, i === 0 ? resume : undefined);
    } catch (e) {
      if (!hooks.onRunFailed || hooks.fatal?.(e)) throw e;
      hooks.onRunFailed(run.key, e instanceof Error ? e.message : String(e));
      continue;
    }
    if (result === null) break;
    results.push(result);
    hooks.onResult?.(result);
  }
  return results;
}

/** One run to its end; null when it was stopped. */
async function oneRun(
  context: {
    readonly tf: typeof TF;
    readonly data: ExperimentData;
    readonly n: number;
    readonly labellingOptions: LabellingOptions;
    readonly hooks: ExperimentHooks;
    readonly features: FastFeatures | null;
  },
  run: PlannedRun,
  { index, count }: { readonly index: number; readonly count: number },
  resume: TrainCheckpoint | undefined,
): Promise<RunResult | null> {
  const { tf, data, n, labellingOptions, hooks, features: shared } = context;
  const K = data.classNames.length;
  const start = performance.now();
  const made = runPrototypes(run.method, K, n, run.seed);
  const separation = separationMetrics({ codebook: made.codebook, binary: made.binary });
  const tensorsBefore = tf.memory().numTensors;
  const trainer = createTrainer(tf, {
    train: data.train,
    test: data.test,
    classCount: K,
    prototypes: { N: K, n, data: made.codebook.data },
    config: { ...run.config, labelling: run.labelling },
    features: run.config.mode === 'fast' ? (shared ?? undefined) : undefined,
    labellingOptions,
    coarseOfClass: data.coarseOfClass,
  });
  let first: EpochReport | null = null;
  let leak: string | null = null;
  let last: EpochReport | null;
  try {
    last = await trainEpochs(
      trainer,
      {
        shouldStop: hooks.shouldStop,
        guard: hooks.guard,
        onBatch: (r) =>
          hooks.onProgress?.({
            stage: 'run',
            key: run.key,
            index,
            count,
            fraction:
              (r.epoch * r.batchesPerEpoch + r.batch + 1) / (run.config.epochs * r.batchesPerEpoch),
          }),
        onEpoch(r) {
          first ??= r;
          leak ??= tensorLeak(first, r);
        },
        onCheckpoint: hooks.onCheckpoint && ((c) => hooks.onCheckpoint?.(run.key, c, false)),
      },
      resume,
    );
    if (last !== null && hooks.onCheckpoint) {
      const guard = hooks.guard ?? (<T>(work: Promise<T>) => work);
      hooks.onCheckpoint(run.key, await guard(trainer.checkpoint()), true);
    }
  } finally {
    try {
      trainer.dispose();
    } catch {
      // A run on a lost device may fail to free its tensors; they are gone with the device.
    }
  }
  if (last === null) return null;
  leak ??= runLeak(tensorsBefore, tf.memory().numTensors);
  return {
    key: run.key,
    method: run.method,
    labelling: run.labelling,
    seed: run.seed,
    N: K,
    n,
    testAccuracy: last.testAccuracy,
    trainAccuracy: last.trainAccuracy,
    perClassAccuracy: last.perClassAccuracy,
    maxCosine: separation.maxCosine,
    minAngleDeg: separation.minAngleDeg,
    meanCosine: separation.meanCosine,
    assignment: Array.from(last.assignment ?? []),
    epochs: last.epoch,
    prototypes: Array.from(made.codebook.data),
    timeMs: performance.now() - start,
    ...(leak ? { leak } : {}),
  };
}

/** The superclass of each subset class, from per-image coarse labels (null without them). */
export function coarseOfClasses(
  labels: Uint8Array,
  coarseLabels: Uint8Array | null,
  classes: number,
): number[] | null {
  if (coarseLabels === null) return null;
  const out = new Array<number>(classes).fill(-1);
  for (let i = 0; i < labels.length; i++) out[labels[i]] = coarseLabels[i];
  return out.some((c) => c < 0) ? null : out;
}
