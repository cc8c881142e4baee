/**
 * The talk's two questions as one-click experiments on the loaded data (issue 17):
 * - "Does separation matter?": the prototype methods that can run at (N, n), from random to the
 *   best found, two seeds each, one labelling;
 * - "Does the labelling matter?": one method's prototypes under dataset order, a random
 *   labelling, Hungarian and a learned one, three seeds each.
 * Both train the fast model for fewer epochs than a full run (10, said on screen), so the answer
 * comes in about a minute; experiments share one feature pass.
 */
import { prepareRun } from '../../core/methods/registry.ts';
import { DEFAULT_LABELLING_OPTIONS } from '../labellings/options.ts';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../types.ts';
import type { ExperimentSpec } from './types.ts';

export type Question = 'separation' | 'labelling';

/** The lighter budget the questions train with (the screen says so). */
export const QUESTION_CONFIG: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, mode: 'fast', epochs: 10 };

/** From poorly to well separated, one of each kind; those that cannot run at (N, n) are left out. */
const SPANNING = ['random', 'onehot', 'orthoplex', 'kasarla', 'mettes', 'lse', 'rm', 'bch', 'best'];

export function canRun(method: string, N: number, n: number): boolean {
  try {
    prepareRun({ method, N, n, seed: 0 });
    return true;
  } catch {
    return false;
  }
}

export function separationQuestion(classes: number, n: number): ExperimentSpec {
  return {
    title: `Does separation matter? (n = ${n})`,
    question: 'separation',
    n,
    methods: SPANNING.filter((m) => canRun(m, classes, n)),
    labellings: ['identity'],
    seeds: 2,
    config: QUESTION_CONFIG,
    labelling: DEFAULT_LABELLING_OPTIONS,
  };
}

export function labellingQuestion(method: string, n: number): ExperimentSpec {
  return {
    title: `Does the labelling matter? (${method}, n = ${n})`,
    question: 'labelling',
    n,
    methods: [method],
    labellings: ['identity', 'random', 'hungarian', 'sinkhorn'],
    seeds: 3,
    // A linear head, where the labelling matters most (as in the talk's experiment).
    config: { ...QUESTION_CONFIG, hiddenUnits: 0 },
    labelling: DEFAULT_LABELLING_OPTIONS,
  };
}
