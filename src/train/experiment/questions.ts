/**
 * The talk's two questions as one-click experiments on the loaded data (issue 17):
 * - "Does separation matter?": a small set of prototype methods that spans the separation range
 *   at (N, n), from random to the best found, two seeds each, one labelling;
 * - "Does the labelling matter?": one method's prototypes under dataset order, a random
 *   labelling and Hungarian (and a learned one where the classes are few enough for it to be
 *   quick), three seeds each.
 * Both train the fast model for 10 epochs (a full run: 20; said on screen), with a linear head
 * where n > 4 and the hidden layer below (measured on the CIFAR-10 subset at n = 3, a linear
 * head reached 27 % and the methods' differences sank into the seed spread, where the full
 * model's were well beyond it), so the answer comes in about a minute on one feature pass.
 */
import { prepareRun } from '../../core/methods/registry.ts';
import { DEFAULT_LABELLING_OPTIONS } from '../labellings/options.ts';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../types.ts';
import type { ExperimentSpec } from './types.ts';

export type Question = 'separation' | 'labelling';

/** The lighter budget the questions train with at dimension n (the screen says so). */
export function questionConfig(n: number): TrainConfig {
  const hiddenUnits = n > LINEAR_ABOVE ? 0 : DEFAULT_TRAIN_CONFIG.hiddenUnits;
  return { ...DEFAULT_TRAIN_CONFIG, mode: 'fast', epochs: 10, hiddenUnits };
}

/** Above this n a linear head is enough to answer the questions as the full model does. */
export const LINEAR_ABOVE = 4;

/**
 * Kinds of prototypes from poorly to well separated, one method of each kind: the first of a
 * kind that can run at (N, n); a kind with none is left out.
 */
const KINDS = [
  ['random'],
  ['onehot', 'orthoplex', 'kasarla'],
  ['mettes'],
  ['lse'],
  ['rm', 'bch'],
  ['best'],
];

/** A learned permutation costs K^2 per step and Sinkhorn iteration: quick for few classes only. */
const LEARNED_UP_TO = 20;

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
    methods: KINDS.flatMap((kind) => kind.find((m) => canRun(m, classes, n)) ?? []),
    labellings: ['identity'],
    seeds: 2,
    config: questionConfig(n),
    labelling: DEFAULT_LABELLING_OPTIONS,
  };
}

export function labellingQuestion(method: string, classes: number, n: number): ExperimentSpec {
  return {
    title: `Does the labelling matter? (${method}, n = ${n})`,
    question: 'labelling',
    n,
    methods: [method],
    labellings: [
      'identity',
      'random',
      'hungarian',
      ...(classes <= LEARNED_UP_TO ? (['sinkhorn'] as const) : []),
    ],
    seeds: 3,
    config: questionConfig(n),
    labelling: DEFAULT_LABELLING_OPTIONS,
  };
}
