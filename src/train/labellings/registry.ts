/**
 * Every labelling (which prototype each class trains towards and is decoded from), one entry
 * each, in menu order: the training panel, `train --labelling`, experiments, URL settings and
 * the tour all read this list, and a training run (run.ts) takes its targets from an entry.
 * Separation does not depend on the labelling; accuracy does (the talk's point 3).
 */
import type * as TF from '@tensorflow/tfjs-core';
import {
  classMeanAssignment,
  identityLabelling,
  normalisedClassMeans,
  randomLabelling,
  sinkhorn,
} from '../../core/labelling/index.ts';
import { createCodebook } from '../../core/math/codebook.ts';
import { createRandom } from '../../core/math/random.ts';
import { SEED_STREAMS, subSeed } from '../pipelines/pipeline.ts';
import type { FastFeatures, TrainInput } from '../types.ts';
import type { LabellingOptions } from './options.ts';
import { structureAssignment } from './structure.ts';
import {
  autoshuffleSource,
  type ClassTargets,
  fixedSource,
  freeSource,
  sinkhornSource,
} from './targets.ts';

/** What a labelling may use: the run's input and the model as it is now. */
export interface LabellingContext {
  readonly tf: typeof TF;
  readonly input: TrainInput;
  readonly options: LabellingOptions;
  /** Unit embeddings z of the training images (count x n, image order), by the current model. */
  embedTrain(): Promise<Float32Array>;
  /** Fast mode's features, once prepared; null in cnn mode. */
  features(): FastFeatures | null;
  /** A variable name no other run uses. */
  variableName(): string;
}

export interface Labelling {
  readonly id: string;
  /** For people: menus and legends. */
  readonly label: string;
  /** One line for help texts and tooltips. */
  readonly description: string;
  /** Null when it can run on this input, else one sentence saying why not and what would. */
  refusal(input: TrainInput, options: LabellingOptions): string | null;
  /**
   * The targets of the first step. `saved` is the assignment of a checkpoint the run goes on
   * from (its trained variables are restored afterwards by the run).
   */
  start(
    ctx: LabellingContext,
    saved: { epoch: number; assignment: Int32Array | null } | null,
  ): Promise<ClassTargets>;
  /**
   * After epoch `done`'s last batch, before its evaluation (which decodes with what this
   * returns): the targets from now on, the same object or a new one (the run frees the old).
   */
  afterEpoch?(ctx: LabellingContext, done: number, targets: ClassTargets): Promise<ClassTargets>;
}

const fixed = (ctx: LabellingContext, assignment: Int32Array) =>
  fixedSource(ctx.tf, ctx.input.prototypes.data, ctx.input.prototypes.n, assignment);

/** Each class gets the prototype its mean training embedding points to (exact Hungarian). */
export async function classMeanRelabelling(
  ctx: Pick<LabellingContext, 'input' | 'embedTrain'>,
): Promise<{ assignment: Int32Array; score: number }> {
  const { prototypes, classCount, train } = ctx.input;
  const means = normalisedClassMeans(
    await ctx.embedTrain(),
    train.labels,
    classCount,
    prototypes.n,
  );
  const codebook = createCodebook(prototypes.N, prototypes.n, prototypes.data);
  const { labelling, score } = classMeanAssignment(means, classCount, codebook);
  return { assignment: labelling, score };
}

/** The epoch after which the Hungarian labellings relabel (at the end when there are fewer). */
const relabelEpoch = (ctx: LabellingContext) =>
  Math.min(ctx.options.warmupEpochs, ctx.input.config.epochs);

const squareOnly = (id: string) => (input: TrainInput) =>
  input.prototypes.N === input.classCount
    ? null
    : `The ${id} labelling learns a square permutation, so it needs as many prototypes as classes (N = ${input.classCount}), not N = ${input.prototypes.N}.`;

/** K x N cosines between the unit class means of z and the prototypes (the learned starts). */
async function classMeanScores(ctx: LabellingContext): Promise<Float64Array> {
  const { classCount: K, prototypes, train } = ctx.input;
  const { N, n, data } = prototypes;
  const means = normalisedClassMeans(await ctx.embedTrain(), train.labels, K, n);
  const scores = new Float64Array(K * N);
  for (let k = 0; k < K; k++) {
    let norm = 0;
    for (let d = 0; d < n; d++) norm += means[k * n + d] ** 2;
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = 0; j < N; j++) {
      let dot = 0;
      for (let d = 0; d < n; d++) dot += means[k * n + d] * data[j * n + d];
      scores[k * N + j] = dot * inv;
    }
  }
  return scores;
}

/** The seed of a labelling's own random choices (a random labelling, free directions). */
const labellingSeed = (ctx: LabellingContext) =>
  subSeed(ctx.input.config.seed, SEED_STREAMS.labelling);

const canAlwaysRun = () => null;

export const LABELLINGS = [
  {
    id: 'identity',
    label: 'Dataset order',
    description: "class k -> prototype k (dataset order, as in the authors' code)",
    refusal: canAlwaysRun,
    start: async (ctx, saved) =>
      fixed(ctx, saved?.assignment ?? identityLabelling(ctx.input.classCount)),
  },
  {
    id: 'random',
    label: 'Random',
    description: 'a seeded random class -> prototype assignment',
    refusal: canAlwaysRun,
    start: async (ctx, saved) =>
      fixed(
        ctx,
        saved?.assignment ??
          randomLabelling(ctx.input.classCount, labellingSeed(ctx), ctx.input.prototypes.N),
      ),
  },
  {
    // Measured against a warm-up in dataset order (CIFAR-100, RM codes, n = 64, 5 seeds):
    // 22.8 % against 21.4 % mean test accuracy, ahead on every seed; dataset order gave 21.3 %.
    id: 'hungarian',
    label: 'Hungarian (warm-up)',
    description: 'free class directions for a warm-up epoch, then Hungarian on the class means',
    refusal: canAlwaysRun,
    start: async (ctx, saved) =>
      saved !== null && saved.epoch >= relabelEpoch(ctx) && saved.assignment
        ? fixed(ctx, saved.assignment)
        : freeSource(
            ctx.tf,
            ctx.input.classCount,
            ctx.input.prototypes.n,
            createRandom(labellingSeed(ctx)),
            ctx.variableName(),
          ),
    async afterEpoch(ctx, done, targets) {
      if (done !== relabelEpoch(ctx)) return targets;
      return fixed(ctx, (await classMeanRelabelling(ctx)).assignment);
    },
  },
  {
    id: 'hungarian-epoch',
    label: 'Hungarian each epoch',
    description: 'Hungarian on the class means before training and after every epoch (DL2PA)',
    refusal: canAlwaysRun,
    start: async (ctx, saved) =>
      fixed(ctx, saved?.assignment ?? (await classMeanRelabelling(ctx)).assignment),
    async afterEpoch(ctx, _done, targets) {
      targets.set?.((await classMeanRelabelling(ctx)).assignment);
      return targets;
    },
  },
  {
    id: 'sinkhorn',
    label: 'Learned: Sinkhorn',
    description: 'a soft permutation learned with the network (annealed Sinkhorn)',
    refusal: squareOnly('sinkhorn'),
    async start(ctx, saved) {
      const { prototypes, config } = ctx.input;
      const { sinkhornStart: start, sinkhornEnd: end } = ctx.options;
      // From the initial model's own class geometry (a restore overwrites these logits).
      const scores = saved ? new Float64Array(prototypes.N ** 2) : await classMeanScores(ctx);
      return sinkhornSource(
        ctx.tf,
        prototypes.data,
        prototypes.n,
        scores,
        prototypes.N,
        config.epochs,
        { start, end },
        ctx.variableName(),
      );
    },
  },
  {
    id: 'autoshuffle',
    label: 'Learned: AutoShuffle',
    description: 'a doubly stochastic matrix learned with the AutoShuffleNet penalty',
    refusal: squareOnly('autoshuffle'),
    async start(ctx, saved) {
      const { prototypes, config } = ctx.input;
      const N = prototypes.N;
      const matrix = saved
        ? new Float64Array(N * N).fill(1 / N)
        : sinkhorn(await classMeanScores(ctx), N, { temperature: ctx.options.sinkhornStart })
            .matrix;
      return autoshuffleSource(
        ctx.tf,
        prototypes.data,
        prototypes.n,
        matrix,
        N,
        config.epochs,
        ctx.options.penaltyWeight,
        ctx.variableName(),
      );
    },
  },
  {
    id: 'structure',
    label: 'Similar classes near',
    description: 'similar classes (superclasses, or by the data) get close prototypes',
    refusal: (input, options) =>
      options.structureSource === 'superclass' && !input.coarseOfClass
        ? 'Structure from superclasses needs a dataset with superclasses (CIFAR-100); choose structure from data instead.'
        : null,
    start: async (ctx, saved) =>
      fixed(ctx, saved?.assignment ?? structureAssignment(ctx, labellingSeed(ctx))),
  },
] as const satisfies readonly Labelling[];

export type LabellingName = (typeof LABELLINGS)[number]['id'];

export const LABELLING_NAMES: readonly LabellingName[] = LABELLINGS.map((l) => l.id);

export function isLabellingName(text: string): text is LabellingName {
  return (LABELLING_NAMES as readonly string[]).includes(text);
}

/** The labelling called `text` (exact, lower case); anything else is refused by name. */
export function parseLabellingName(text: string): LabellingName {
  if (isLabellingName(text)) return text;
  throw new RangeError(`unknown labelling "${text}" (allowed: ${LABELLING_NAMES.join(', ')})`);
}

/** A labelling's name for people (its label), or the text itself when it is no labelling. */
export function labellingLabel(id: string): string {
  return isLabellingName(id) ? getLabelling(id).label : id;
}

export function getLabelling(name: LabellingName): Labelling {
  return LABELLINGS.find((l) => l.id === name) as Labelling;
}
