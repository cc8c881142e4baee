/**
 * One run of an experiment with a labelling: the trainer's loop (same pipelines, seeds,
 * shuffling, Adam and loss as src/train/loop.ts) with the class targets taken from a
 * ClassPrototypeSource (targetSources.ts), so the class -> prototype assignment can be found
 * before, during or by training. The live training and the CLI use the trainer with the three
 * simple labellings (src/train/labelling.ts); experiments compare all seven:
 * - identity / random / structure: fixed from the start;
 * - hungarian: a warm-up on free class directions, then Hungarian on class means of z, fixed;
 * - hungarian-epoch: Hungarian on class means of z before every epoch (from the initial model on);
 * - sinkhorn / autoshuffle: a soft permutation trained with the network, rounded by Hungarian.
 */
import type * as TF from '@tensorflow/tfjs-core';
import {
  classMeanAssignment,
  identityLabelling,
  type LabellingName,
  matchStructure,
  normalisedClassMeans,
  randomLabelling,
  sinkhorn,
  superclassSimilarity,
} from '../../core/labelling/index.ts';
import { createCodebook } from '../../core/math/codebook.ts';
import { createRandom } from '../../core/math/random.ts';
import { nearestPrototype, scorePredictions } from '../decode.ts';
import { normaliseRows, prototypeLoss } from '../loss.ts';
import { uniqueName } from '../models/model.ts';
import { createCnnPipeline } from '../pipelines/cnnPipeline.ts';
import { createFastPipeline } from '../pipelines/fastPipeline.ts';
import { type Pipeline, SEED_STREAMS, subSeed } from '../pipelines/pipeline.ts';
import { permutation } from '../shuffle.ts';
import { type FeatureProgress, type TrainInput, TrainingError } from '../types.ts';
import { validateInput } from '../validate.ts';
import { centredPixels, classSimilarity, gramMatrix } from './classSimilarity.ts';
import {
  autoshuffleSource,
  type ClassPrototypeSource,
  fixedSource,
  freeSource,
  sinkhornSource,
} from './targetSources.ts';
import type { LabellingOptions } from './types.ts';

/** A seed stream of its own for the labelling's random choices (random labelling, restarts). */
const LABELLING_STREAM = 7;

export interface LabelledInput extends TrainInput {
  readonly labelling: LabellingName;
  readonly options: LabellingOptions;
  /** Superclass of each class (CIFAR-100), for `structure` from the hierarchy. */
  readonly coarseOfClass?: readonly number[] | null;
}

export interface LabelledEpoch {
  readonly epoch: number;
  readonly loss: number;
  readonly trainAccuracy: number;
  readonly testAccuracy: number;
}

export interface LabelledOutcome {
  readonly testAccuracy: number;
  readonly trainAccuracy: number;
  readonly perClassAccuracy: number[];
  readonly confusion: Int32Array;
  /** The hard assignment decoded with at the end. */
  readonly assignment: Int32Array;
  readonly epochs: number;
}

export interface LabelledRunHooks {
  onPrepare?(p: FeatureProgress): void;
  onBatch?(epoch: number, batch: number, batches: number): void;
  onEpoch?(e: LabelledEpoch): void;
  shouldStop?(): boolean;
}

/** The labelling used from the first step (before any training), for the fixed ones. */
export function startingAssignment(input: LabelledInput): Int32Array {
  const { classCount: K, prototypes, config, labelling, options } = input;
  const labellingSeed = subSeed(config.seed, LABELLING_STREAM);
  if (labelling === 'random') return randomLabelling(K, labellingSeed, prototypes.N);
  if (labelling !== 'structure') return identityLabelling(K);
  const coarse = input.coarseOfClass ?? null;
  const useHierarchy =
    options.structureSource === 'superclass' ||
    (options.structureSource === 'auto' && coarse !== null);
  let S: Float64Array;
  if (useHierarchy) {
    if (coarse === null) {
      throw new TrainingError(
        'structure from superclasses needs a dataset with superclasses (CIFAR-100); choose structure from data',
      );
    }
    S = superclassSimilarity(coarse as number[]);
  } else if (input.features) {
    S = classSimilarity(input.features.train, input.features.width, input.train.labels, K);
  } else {
    S = classSimilarity(
      centredPixels(input.train.pixels, input.train.count),
      3072,
      input.train.labels,
      K,
    );
  }
  const G = gramMatrix(prototypes.data, prototypes.N, prototypes.n);
  return matchStructure(S, K, G, prototypes.N, { seed: labellingSeed }).labelling;
}

/**
 * Trains to config.epochs; resolves null when stopped. `pipeline` replaces the mode's own (tests
 * use a fixed embedding, so the labelling's choice can be worked out by hand).
 */
export async function runLabelled(
  tf: typeof TF,
  input: LabelledInput,
  hooks: LabelledRunHooks = {},
  pipeline?: Pipeline,
): Promise<LabelledOutcome | null> {
  validateInput(input);
  const { labelling, classCount: K, prototypes, config } = input;
  if ((labelling === 'sinkhorn' || labelling === 'autoshuffle') && prototypes.N !== K) {
    throw new TrainingError(
      `the ${labelling} labelling learns a square permutation: it needs N = ${K} prototypes for ${K} classes, got N = ${prototypes.N}`,
    );
  }
  const made =
    pipeline ??
    (config.mode === 'fast' ? createFastPipeline(tf, input) : createCnnPipeline(tf, input));
  const run = new LabelledRun(tf, input, made);
  try {
    return await run.train(hooks);
  } finally {
    run.dispose();
  }
}

class LabelledRun {
  private source: ClassPrototypeSource | null = null;
  private readonly optimizer: TF.Optimizer;
  private readonly sourceOptimizer: TF.Optimizer;
  private readonly K: number;

  constructor(
    private readonly tf: typeof TF,
    private readonly input: LabelledInput,
    private readonly pipeline: Pipeline,
  ) {
    this.K = input.classCount;
    this.optimizer = tf.train.adam(input.config.learningRate);
    // Entries of a doubly stochastic matrix are about 1/K: its steps are scaled to match.
    const permRate = input.options.permutationLearningRate;
    this.sourceOptimizer = tf.train.adam(
      input.labelling === 'autoshuffle' ? permRate / this.K : permRate,
    );
  }

  async train(hooks: LabelledRunHooks): Promise<LabelledOutcome | null> {
    const { input, pipeline } = this;
    const { config, train } = input;
    if (!(await pipeline.prepare(hooks.onPrepare, hooks.shouldStop))) return null;
    const shuffleRng = createRandom(subSeed(config.seed, SEED_STREAMS.shuffle));
    const augmentRng = createRandom(subSeed(config.seed, SEED_STREAMS.augment));
    const batches = Math.ceil(train.count / config.batchSize);
    this.source = await this.firstSource(uniqueName('labelling'));
    let trainAccuracy = 0;
    for (let epoch = 0; epoch < config.epochs; epoch++) {
      if (hooks.shouldStop?.()) return null;
      await this.beforeEpoch(epoch);
      const order = permutation(train.count, shuffleRng);
      let lossSum = 0;
      let right = 0;
      for (let b = 0; b < batches; b++) {
        if (hooks.shouldStop?.()) return null;
        const indices = order.subarray(
          b * config.batchSize,
          Math.min(train.count, (b + 1) * config.batchSize),
        );
        const step = await this.step(indices, augmentRng);
        lossSum += step.loss * indices.length;
        right += step.right;
        hooks.onBatch?.(epoch, b, batches);
      }
      trainAccuracy = right / train.count;
      const evaluation = await this.evaluate();
      hooks.onEpoch?.({
        epoch: epoch + 1,
        loss: lossSum / train.count,
        trainAccuracy,
        testAccuracy: evaluation.accuracy,
      });
    }
    const final = await this.evaluate();
    const assignment = (await this.source.assignment()) ?? identityLabelling(this.K);
    return {
      testAccuracy: final.accuracy,
      trainAccuracy,
      perClassAccuracy: final.perClassAccuracy,
      confusion: final.confusion,
      assignment,
      epochs: config.epochs,
    };
  }

  private async firstSource(name: string): Promise<ClassPrototypeSource> {
    const { tf, input } = this;
    const { labelling, prototypes, config, options } = input;
    const { N, n, data } = prototypes;
    switch (labelling) {
      case 'hungarian':
        return freeSource(
          tf,
          this.K,
          n,
          createRandom(subSeed(config.seed, LABELLING_STREAM)),
          name,
        );
      case 'hungarian-epoch':
        return fixedSource(tf, data, n, identityLabelling(this.K));
      case 'sinkhorn':
      case 'autoshuffle': {
        // Start from the initial model's own class geometry: cosines of class means of z.
        const scores = await this.classMeanScores();
        const schedule = { start: options.sinkhornStart, end: options.sinkhornEnd };
        if (labelling === 'sinkhorn') {
          return sinkhornSource(tf, data, n, scores, N, config.epochs, schedule, name);
        }
        const start = sinkhorn(scores, N, { temperature: options.sinkhornStart }).matrix;
        return autoshuffleSource(tf, data, n, start, N, config.epochs, options.penaltyWeight, name);
      }
      default:
        return fixedSource(tf, data, n, startingAssignment(input));
    }
  }

  /** Epoch hooks of the Hungarian labellings and the learned ones' schedules. */
  private async beforeEpoch(epoch: number): Promise<void> {
    const { input, tf } = this;
    const source = this.source as ClassPrototypeSource;
    source.setEpoch(epoch);
    const { labelling, prototypes, options } = input;
    const reassign =
      labelling === 'hungarian-epoch' ||
      (labelling === 'hungarian' && epoch === options.warmupEpochs);
    if (!reassign) return;
    const means = await this.classMeans();
    const { labelling: assignment } = classMeanAssignment(
      means,
      this.K,
      createCodebook(prototypes.N, prototypes.n, prototypes.data),
    );
    if (labelling === 'hungarian-epoch') {
      (source as ReturnType<typeof fixedSource>).set(assignment);
    } else {
      source.dispose();
      this.source = fixedSource(tf, prototypes.data, prototypes.n, assignment);
    }
  }

  private async step(
    indices: Int32Array,
    augmentRng: ReturnType<typeof createRandom>,
  ): Promise<{ loss: number; right: number }> {
    const { tf, input, pipeline } = this;
    const source = this.source as ClassPrototypeSource;
    const { config } = input;
    const networkVars = pipeline.network.variables;
    const sourceVars = source.variables;
    const [lossT, rightT] = tf.tidy(() => {
      const oneHot = this.oneHot(indices);
      let right: TF.Scalar | null = null;
      const { value, grads } = tf.variableGrads(() => {
        const out = pipeline.network.apply(pipeline.trainInput(indices, augmentRng));
        const targets = source.classPrototypes();
        const loss = prototypeLoss(tf, out, targets, oneHot, config.loss, config.tau);
        right = tf.keep(
          tf.sum(
            tf.mul(tf.oneHot(tf.argMax(tf.matMul(out, targets, false, true), 1), this.K), oneHot),
          ) as TF.Scalar,
        );
        const penalty = source.penalty();
        return penalty ? (tf.add(loss, penalty) as TF.Scalar) : loss;
      }, [...networkVars, ...sourceVars]);
      const pick = (vars: TF.Variable[]) =>
        Object.fromEntries(vars.map((v) => [v.name, grads[v.name]]));
      this.optimizer.applyGradients(pick(networkVars));
      if (sourceVars.length > 0) this.sourceOptimizer.applyGradients(pick(sourceVars));
      return [value, right as unknown as TF.Scalar];
    });
    const loss = (await lossT.data())[0];
    const right = (await rightT.data())[0];
    lossT.dispose();
    rightT.dispose();
    if (!Number.isFinite(loss)) {
      throw new TrainingError(
        `the loss became ${loss}: training diverged. Lower the learning rate (now ${config.learningRate}) and start again.`,
      );
    }
    await source.afterStep();
    return { loss, right };
  }

  private async evaluate() {
    const { input } = this;
    const { test, prototypes } = input;
    const source = this.source as ClassPrototypeSource;
    const z = await this.embed('test', test.count);
    const rows = await source.decodeRows();
    const predictions = nearestPrototype(
      z,
      test.count,
      prototypes.n,
      rows,
      identityLabelling(this.K),
    );
    return scorePredictions(test.labels, predictions, this.K);
  }

  /** Normalised class means of z over the training images (K x n). */
  private async classMeans(): Promise<Float64Array> {
    const { train, prototypes } = this.input;
    const z = await this.embed('train', train.count);
    return normalisedClassMeans(z, train.labels, this.K, prototypes.n);
  }

  /** K x N cosines between unit class means of z and the prototypes. */
  private async classMeanScores(): Promise<Float64Array> {
    const { N, n, data } = this.input.prototypes;
    const means = await this.classMeans();
    const scores = new Float64Array(this.K * N);
    for (let k = 0; k < this.K; k++) {
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

  private async embed(split: 'train' | 'test', count: number): Promise<Float32Array> {
    const { tf, pipeline } = this;
    const n = this.input.prototypes.n;
    const out = new Float32Array(count * n);
    for (let s = 0; s < count; s += pipeline.inferenceChunk) {
      const e = Math.min(count, s + pipeline.inferenceChunk);
      const z = tf.tidy(() =>
        normaliseRows(tf, pipeline.network.apply(pipeline.rows(split, s, e))),
      );
      out.set((await z.data()) as Float32Array, s * n);
      z.dispose();
    }
    return out;
  }

  private oneHot(indices: Int32Array): TF.Tensor2D {
    const { tf, input } = this;
    const labels = new Int32Array(indices.length);
    for (let i = 0; i < indices.length; i++) labels[i] = input.train.labels[indices[i]];
    return tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), this.K), 'float32') as TF.Tensor2D;
  }

  dispose(): void {
    this.pipeline.dispose();
    this.source?.dispose();
    this.optimizer.dispose();
    this.sourceOptimizer.dispose();
  }
}
