/**
 * The talk's two questions as one-click experiments on the loaded data (issue 17):
 * - "Does separation matter?": a small set of prototype methods that spans the separation range
 *   at (N, n), from random to the best found, two seeds each, one labelling;
 * - "Does the labelling matter?": one method's prototypes under dataset order, a random
 *   labelling and Hungarian (and a learned one where the classes are few enough for it to be
 *   quick), three seeds each.
 * Both train the fast model for 10 epochs (a full run: 20; said on screen), with a linear head
 * where n > 4 and a hidden layer of 32 units below (measured on the CIFAR-10 subset at n = 3, a
 * linear head reached 27 % and the methods' differences sank into the seed spread, where the
 * hidden layer's were well beyond it: with 32 units the same answer as with the full model's 128,
 * a spread of 10.7 points against 3.0 between seeds, correlation -0.70 against -0.66, in half the
 * time), so the answer comes in about a minute on one feature pass.
 */
import { methodLabel, prepareRun } from '../../core/methods/registry.ts';
import { DEFAULT_LABELLING_OPTIONS } from '../labellings/options.ts';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../types.ts';
import { planRuns } from './plan.ts';
import type { ExperimentSpec } from './types.ts';

export type Question = 'separation' | 'labelling';

/** The lighter budget the questions train with at dimension n (the screen says so). */
export function questionConfig(n: number): TrainConfig {
  const hiddenUnits = n > LINEAR_ABOVE ? 0 : QUESTION_HIDDEN_UNITS;
  return { ...DEFAULT_TRAIN_CONFIG, mode: 'fast', epochs: 10, hiddenUnits };
}

/** Above this n a linear head is enough to answer the questions as the full model does. */
export const LINEAR_ABOVE = 4;
/** Up to LINEAR_ABOVE: the hidden layer's width (the full model's: 128). */
export const QUESTION_HIDDEN_UNITS = 32;

/**
 * Kinds of prototypes from poorly to well separated, one method of each kind: the first of a
 * kind that can run at (N, n); a kind with none is left out.
 */
const KINDS = [
  ['random'],
  ['onehot', 'orthoplex', 'kasarla', 'polygon'],
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

/** Below these a class's accuracy moves in steps too coarse for two seeds to be told apart. */
export const MIN_TRAIN_PER_CLASS = 10;
export const MIN_TEST_PER_CLASS = 5;

/** What a question is asked about: the loaded data's size, or null with none loaded. */
export interface QuestionData {
  readonly classes: number;
  readonly trainImages: number;
  readonly testImages: number;
}

/**
 * Why a question cannot start on this data at (n, the explorer's method), in one sentence that
 * says what to do; null when it can.
 */
export function questionProblem(
  which: Question,
  data: QuestionData | null,
  n: number,
  method: string,
): string | null {
  if (!data)
    return 'Load CIFAR-10 or CIFAR-100 in the Data panel first: pick or drop the archive there.';
  const K = data.classes;
  if (K < 2)
    return 'Choose at least 2 classes in the Data panel: one class has nothing to separate.';
  const perTrain = Math.floor(data.trainImages / K);
  const perTest = Math.floor(data.testImages / K);
  if (perTrain < MIN_TRAIN_PER_CLASS || perTest < MIN_TEST_PER_CLASS) {
    return `The loaded subset has ${perTrain} training and ${perTest} test images a class; two seeds need at least ${MIN_TRAIN_PER_CLASS} and ${MIN_TEST_PER_CLASS} to be told apart, so choose more images a class in the Data panel.`;
  }
  if (which === 'labelling' && !canRun(method, K, n)) {
    return `${methodLabel(method)} cannot make ${K} prototypes in R^${n}; choose another method or n in the explorer.`;
  }
  if (which === 'separation' && separationQuestion(K, n).methods.length < 2) {
    return `Only one kind of prototypes fits ${K} classes in R^${n}, so there is nothing to compare; choose another n in the explorer.`;
  }
  return null;
}

/**
 * Measured pace of the questions' work on the 2-core CI machine's CPU (tfjs WebAssembly,
 * bench/questions.ts): images through the feature extractor a second, and image-epochs through
 * the head a second (linear head, and the hidden layer). A faster machine only finishes early.
 */
const PACE = { featureImages: 1300, linearImages: 16000, hiddenImages: 15000 };

/** About how many seconds a question takes on this data, features included. */
export function questionSeconds(spec: ExperimentSpec, data: QuestionData): number {
  const runs = planRuns(spec).length;
  const rate = spec.config.hiddenUnits === 0 ? PACE.linearImages : PACE.hiddenImages;
  const features = (data.trainImages + data.testImages) / PACE.featureImages;
  return features + (runs * spec.config.epochs * data.trainImages) / rate;
}

/** "about 40 s", "about 2 min": a duration before it starts, rounded as coarsely as it is known. */
export function aboutText(seconds: number): string {
  if (seconds < 15) return 'a few seconds';
  if (seconds < 90) return `about ${Math.round(seconds / 10) * 10} s`;
  return `about ${Math.round(seconds / 60)} min`;
}
