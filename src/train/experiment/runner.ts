/**
 * Runs an experiment's planned runs one after another on one data set: fast-mode features are
 * computed once and shared (every run sees the same inputs), prototypes are made per run from
 * (method, N, n, seed), and each run trains with its labelling (src/train/labelling). Results
 * arrive one run at a time, so charts and storage can follow along.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { runMethod } from '../../core/methods/registry.ts';
import { separationMetrics } from '../../core/metrics/separation.ts';
import { computeFeatures } from '../pipelines/fastPipeline.ts';
import type { FastFeatures, TrainSplit } from '../types.ts';
import { runLabelled } from './labelledRun.ts';
import type { LabellingOptions, PlannedRun, RunResult } from './types.ts';

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
      /** Fraction of this run's batches done. */
      readonly fraction: number;
    };

export interface ExperimentHooks {
  onProgress?(p: ExperimentProgress): void;
  onResult?(r: RunResult): void;
  shouldStop?(): boolean;
}

/** The seed the shared feature stage is fitted with (the same for every run and seed). */
export const FEATURE_SEED = 0;

/**
 * Runs `runs` (usually remainingRuns of a plan); resolves with the results of those that
 * finished (fewer when stopped). `features` may be passed in to reuse ones already computed.
 */
export async function runExperiment(
  tf: typeof TF,
  data: ExperimentData,
  n: number,
  runs: readonly PlannedRun[],
  labellingOptions: LabellingOptions,
  hooks: ExperimentHooks = {},
  features: FastFeatures | null = null,
): Promise<RunResult[]> {
  const K = data.classNames.length;
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
  }
  const results: RunResult[] = [];
  for (let i = 0; i < runs.length; i++) {
    if (hooks.shouldStop?.()) break;
    const run = runs[i];
    const start = performance.now();
    const made = runMethod({ method: run.method, N: K, n, seed: run.seed });
    const separation = separationMetrics({ codebook: made.codebook, binary: made.binary });
    const outcome = await runLabelled(
      tf,
      {
        train: data.train,
        test: data.test,
        classCount: K,
        prototypes: { N: K, n, data: made.codebook.data },
        config: run.config,
        features: run.config.mode === 'fast' ? (shared ?? undefined) : undefined,
        labelling: run.labelling,
        options: labellingOptions,
        coarseOfClass: data.coarseOfClass,
      },
      {
        shouldStop: hooks.shouldStop,
        onBatch: (epoch, batch, batches) =>
          hooks.onProgress?.({
            stage: 'run',
            key: run.key,
            index: i,
            count: runs.length,
            fraction: (epoch * batches + batch + 1) / (run.config.epochs * batches),
          }),
      },
    );
    if (outcome === null) break;
    const result: RunResult = {
      key: run.key,
      method: run.method,
      labelling: run.labelling,
      seed: run.seed,
      N: K,
      n,
      testAccuracy: outcome.testAccuracy,
      trainAccuracy: outcome.trainAccuracy,
      perClassAccuracy: outcome.perClassAccuracy,
      maxCosine: separation.maxCosine,
      minAngleDeg: separation.minAngleDeg,
      meanCosine: separation.meanCosine,
      assignment: Array.from(outcome.assignment),
      epochs: outcome.epochs,
      prototypes: Array.from(made.codebook.data),
      timeMs: performance.now() - start,
    };
    results.push(result);
    hooks.onResult?.(result);
  }
  return results;
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
