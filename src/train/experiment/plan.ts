/**
 * Planning: every (method, labelling, seed) once, seed-major so that after the first seed every
 * method already has a point on the chart. Every run gets the experiment's budget unchanged;
 * only the seed differs, and it is the same seed for every method and labelling.
 */

import { isMethodId, methodLabel } from '../../core/methods/registry.ts';
import { isLabellingName, labellingLabel } from '../labellings/registry.ts';
import { TRAIN_LIMITS } from '../types.ts';
import type { ExperimentSpec, PlannedRun } from './types.ts';

export class ExperimentSpecError extends Error {
  override name = 'ExperimentSpecError';
}

export const MAX_SEEDS = 100;

export function runKey(method: string, labelling: string, seed: number): string {
  return `${method}|${labelling}|${seed}`;
}

/** A run's key in words for people: "Reed-Muller code, Hungarian, seed 2". */
export function runInWords(key: string): string {
  const [method, labelling, seed] = key.split('|');
  return `${methodLabel(method)}, ${labellingLabel(labelling)}, seed ${seed}`;
}

/** Throws ExperimentSpecError with one sentence on the first problem. */
export function checkSpec(spec: ExperimentSpec): void {
  if (spec.methods.length === 0) throw new ExperimentSpecError('choose at least one method');
  if (spec.labellings.length === 0) throw new ExperimentSpecError('choose at least one labelling');
  for (const m of spec.methods) {
    if (!isMethodId(m)) throw new ExperimentSpecError(`unknown method "${m}"`);
  }
  for (const l of spec.labellings) {
    if (!isLabellingName(l)) throw new ExperimentSpecError(`unknown labelling "${l}"`);
  }
  const dup = (xs: readonly string[]) => xs.find((x, i) => xs.indexOf(x) !== i);
  const twice = dup(spec.methods) ?? dup(spec.labellings);
  if (twice !== undefined) throw new ExperimentSpecError(`"${twice}" is listed twice`);
  if (!Number.isInteger(spec.seeds) || spec.seeds < 1 || spec.seeds > MAX_SEEDS) {
    throw new ExperimentSpecError(
      `seeds must be a whole number from 1 to ${MAX_SEEDS}, got ${spec.seeds}`,
    );
  }
  if (!Number.isInteger(spec.n) || spec.n < 2 || spec.n > 4096) {
    throw new ExperimentSpecError(`n must be a whole number from 2 to 4096, got ${spec.n}`);
  }
  const { epochs } = spec.config;
  if (
    !Number.isInteger(epochs) ||
    epochs < TRAIN_LIMITS.epochs.min ||
    epochs > TRAIN_LIMITS.epochs.max
  ) {
    throw new ExperimentSpecError(
      `epochs must be a whole number from ${TRAIN_LIMITS.epochs.min} to ${TRAIN_LIMITS.epochs.max}, got ${epochs}`,
    );
  }
  if (spec.labellings.includes('hungarian') && spec.labelling.warmupEpochs >= epochs) {
    throw new ExperimentSpecError(
      `the hungarian labelling's warm-up (${spec.labelling.warmupEpochs} epochs) must be shorter than training (${epochs} epochs)`,
    );
  }
}

/** methods x labellings x seeds runs, each with the experiment's config and its own seed. */
export function planRuns(spec: ExperimentSpec): PlannedRun[] {
  checkSpec(spec);
  const runs: PlannedRun[] = [];
  for (let seed = 0; seed < spec.seeds; seed++) {
    for (const method of spec.methods) {
      for (const labelling of spec.labellings) {
        runs.push({
          key: runKey(method, labelling, seed),
          method,
          labelling,
          seed,
          config: { ...spec.config, seed },
        });
      }
    }
  }
  return runs;
}
