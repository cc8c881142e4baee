/**
 * An experiment: one model per (prototype method, labelling, seed) on a fixed subset, N and n,
 * with the same training budget for every run, so accuracy can be set against separation.
 * Plain data only (it is stored in IndexedDB, sent to a worker and written as JSON).
 */
import type { LabellingOptions } from '../labellings/options.ts';
import type { LabellingName } from '../labellings/registry.ts';
import type { TrainConfig } from '../types.ts';

export interface ExperimentSpec {
  /** What the user called it (shown in lists). */
  readonly title: string;
  /** Set when it answers one of the talk's questions (questions.ts): a sentence says the answer. */
  readonly question?: 'separation' | 'labelling';
  /** Prototype dimension. N is the number of classes (one prototype a class). */
  readonly n: number;
  readonly methods: readonly string[];
  readonly labellings: readonly LabellingName[];
  /** Runs use seeds 0..seeds-1 (prototypes, initialisation, shuffling, random labelling). */
  readonly seeds: number;
  /** The budget every run gets; its seed is replaced by the run's seed. */
  readonly config: TrainConfig;
  readonly labelling: LabellingOptions;
}

/** One planned run. */
export interface PlannedRun {
  /** `method|labelling|seed`: unique within an experiment, the key results are stored by. */
  readonly key: string;
  readonly method: string;
  readonly labelling: LabellingName;
  readonly seed: number;
  readonly config: TrainConfig;
}

export type SeparationMetricName = 'maxCosine' | 'minAngleDeg' | 'meanCosine';

export const SEPARATION_METRICS: ReadonlyArray<{
  readonly id: SeparationMetricName;
  readonly label: string;
}> = [
  { id: 'maxCosine', label: 'max cosine' },
  { id: 'minAngleDeg', label: 'min angle (degrees)' },
  { id: 'meanCosine', label: 'mean cosine' },
];

/** What one finished run measured. */
export interface RunResult {
  readonly key: string;
  readonly method: string;
  readonly labelling: LabellingName;
  readonly seed: number;
  readonly N: number;
  readonly n: number;
  /** Fractions in [0, 1]. */
  readonly testAccuracy: number;
  readonly trainAccuracy: number;
  readonly perClassAccuracy: readonly number[];
  readonly maxCosine: number;
  readonly minAngleDeg: number;
  readonly meanCosine: number;
  /** Class k was trained towards, and decoded from, prototype assignment[k]. */
  readonly assignment: readonly number[];
  readonly epochs: number;
  /** The prototypes trained with (N x n, row-major), for the Gram-matrix views. */
  readonly prototypes: readonly number[];
  /** Milliseconds of this run (prototypes, labelling, training, evaluation; not shared features). */
  readonly timeMs: number;
  /** The tensor-count check's sentence when the run leaked (absent when it did not). */
  readonly leak?: string;
}

/** One row of the summary: a method and labelling over its seeds. */
export interface SummaryRow {
  readonly method: string;
  readonly labelling: LabellingName;
  readonly n: number;
  readonly runs: number;
  readonly meanAccuracy: number;
  /** Sample standard deviation (n - 1 in the denominator); NaN with a single run. */
  readonly stdAccuracy: number;
  readonly meanMaxCosine: number;
  readonly meanMinAngleDeg: number;
  readonly meanMeanCosine: number;
}
