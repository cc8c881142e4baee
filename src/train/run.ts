/**
 * One training run, the only one there is (the command line, benchmarks, experiments and the
 * live worker all train through it): shuffled mini-batches, one Adam step each, running loss and
 * accuracy per epoch, evaluation by the nearest class target, checkpoints between epochs. Which
 * prototype each class trains towards comes from outside, from a labelling of
 * labellings/registry.ts. Every tensor a step makes is freed in the step, so
 * tf.memory().numTensors is the same after every epoch.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { identityLabelling } from '../core/labelling/index.ts';
import { createRandom, type Random } from '../core/math/random.ts';
import { restoreCheckpoint, type TrainCheckpoint, takeCheckpoint } from './checkpoint.ts';
import { nearestPrototype, scorePredictions } from './decode.ts';
import { DEFAULT_LABELLING_OPTIONS } from './labellings/options.ts';
import { getLabelling, type Labelling, type LabellingContext } from './labellings/registry.ts';
import type { ClassTargets } from './labellings/targets.ts';
import { normaliseRows, prototypeLogits, prototypeLoss } from './loss.ts';
import { uniqueName } from './models/model.ts';
import { createCnnPipeline } from './pipelines/cnnPipeline.ts';
import { createFastPipeline } from './pipelines/fastPipeline.ts';
import { type Pipeline, SEED_STREAM_COUNT, SEED_STREAMS, subSeed } from './pipelines/pipeline.ts';
import { permutation } from './shuffle.ts';
import type { Trainer } from './trainer.ts';
import {
  type BatchReport,
  type EpochReport,
  type FastFeatures,
  type TrainInput,
  TrainingError,
} from './types.ts';
import { checkAssignment } from './validate.ts';

/** `pipeline` replaces the mode's own (tests use a fixed embedding). Input already validated. */
export function createTrainingRun(tf: typeof TF, input: TrainInput, pipeline?: Pipeline): Trainer {
  const made =
    pipeline ??
    (input.config.mode === 'fast' ? createFastPipeline(tf, input) : createCnnPipeline(tf, input));
  return new TrainingRun(tf, input, made);
}

class TrainingRun implements Trainer {
  readonly batchesPerEpoch: number;
  epoch = 0;
  assignment: Int32Array | null = null;
  private batch = 0;
  private prepared = false;
  private disposed = false;
  private stepped = false;
  private order: Int32Array;
  private readonly shuffleRng: Random;
  private augmentRng: Random;
  private readonly optimizer: TF.Optimizer;
  /** Trains the targets' own variables (a learned permutation), made only for targets that have some. */
  private ownOptimizer: TF.Optimizer | null = null;
  private readonly labelling: Labelling;
  private readonly context: LabellingContext;
  private targets: ClassTargets | null = null;
  private lossSum = 0;
  private right = 0;
  private seen = 0;
  private lastLoss = Number.NaN;
  private lastTrainAccuracy = Number.NaN;
  private busyMs = 0;

  constructor(
    private readonly tf: typeof TF,
    private readonly input: TrainInput,
    private readonly pipeline: Pipeline,
  ) {
    const { config, train } = input;
    const options = input.labellingOptions ?? DEFAULT_LABELLING_OPTIONS;
    this.batchesPerEpoch = Math.ceil(train.count / config.batchSize);
    this.shuffleRng = createRandom(subSeed(config.seed, SEED_STREAMS.shuffle));
    this.augmentRng = augmentRandom(config.seed, 0);
    this.order = new Int32Array(0);
    this.optimizer = tf.train.adam(config.learningRate);
    this.labelling = getLabelling(config.labelling ?? 'identity');
    this.context = {
      tf,
      input,
      options,
      embedTrain: () => this.embed('train', train.count),
      features: () => this.features(),
      variableName: () => uniqueName('labelling'),
    };
  }

  get done(): boolean {
    return this.epoch >= this.input.config.epochs;
  }

  async prepare(
    onProgress?: (p: { done: number; total: number }) => void,
    shouldStop?: () => boolean,
  ): Promise<void> {
    this.alive();
    const start = performance.now();
    this.prepared = await this.pipeline.prepare(onProgress, shouldStop);
    this.busyMs += performance.now() - start;
  }

  async trainBatch(): Promise<BatchReport> {
    this.ready();
    const { config, train } = this.input;
    if (this.done) {
      throw new TrainingError(`training is finished: all ${config.epochs} epochs ran`);
    }
    const start = performance.now();
    const targets = await this.currentTargets();
    if (this.batch === 0) {
      this.order = permutation(train.count, this.shuffleRng);
      this.augmentRng = augmentRandom(config.seed, this.epoch);
      targets.setEpoch(this.epoch);
    }
    this.stepped = true;
    const from = this.batch * config.batchSize;
    const indices = this.order.subarray(from, Math.min(train.count, from + config.batchSize));
    const { loss, right } = await this.step(indices, targets);
    const report: BatchReport = {
      epoch: this.epoch,
      batch: this.batch,
      batchesPerEpoch: this.batchesPerEpoch,
      loss,
      imagesPerSecond: (indices.length * 1000) / Math.max(performance.now() - start, 1e-3),
    };
    this.lossSum += loss * indices.length;
    this.right += right;
    this.seen += indices.length;
    this.batch += 1;
    if (this.batch === this.batchesPerEpoch) await this.endEpoch();
    this.busyMs += performance.now() - start;
    return report;
  }

  async evaluate(): Promise<EpochReport> {
    this.ready();
    const start = performance.now();
    const { test, prototypes, classCount } = this.input;
    const targets = await this.currentTargets();
    const embeddings = await this.embed('test', test.count);
    const rows = await targets.decodeRows();
    const predictions = nearestPrototype(
      embeddings,
      test.count,
      prototypes.n,
      rows,
      identityLabelling(classCount),
    );
    const scores = scorePredictions(test.labels, predictions, classCount);
    this.busyMs += performance.now() - start;
    const running = this.seen > 0 ? this.right / this.seen : 0;
    return {
      epoch: this.epoch,
      loss: this.lastLoss,
      trainAccuracy: Number.isNaN(this.lastTrainAccuracy) ? running : this.lastTrainAccuracy,
      testAccuracy: scores.accuracy,
      perClassAccuracy: scores.perClassAccuracy,
      confusion: scores.confusion,
      embeddings,
      predictions,
      assignment: this.assignment === null ? null : Int32Array.from(this.assignment),
      numTensors: this.tf.memory().numTensors,
      timeMs: this.busyMs,
    };
  }

  features(): FastFeatures | null {
    return this.pipeline.features?.() ?? null;
  }

  async embedTrain(): Promise<Float32Array> {
    this.alive();
    return this.embed('train', this.input.train.count);
  }

  async checkpoint(): Promise<TrainCheckpoint> {
    this.ready();
    if (this.batch !== 0) {
      throw new TrainingError('a checkpoint is taken between epochs, not in the middle of one');
    }
    const targets = await this.currentTargets();
    const network = this.pipeline.network.variables;
    const saved = await takeCheckpoint(this.epoch, network, this.optimizer);
    const { variables } = targets;
    return {
      ...saved,
      ...(this.assignment ? { assignment: Int32Array.from(this.assignment) } : {}),
      // A learned labelling's variables and their optimiser, so it goes on where it was too.
      ...(variables.length > 0
        ? { targets: await takeCheckpoint(this.epoch, variables, this.targetOptimizer()) }
        : {}),
    };
  }

  async restore(checkpoint: TrainCheckpoint): Promise<void> {
    this.ready();
    if (this.stepped) throw new TrainingError('a checkpoint is restored before the first step');
    const { config, classCount, prototypes, train } = this.input;
    if (checkpoint.epoch > config.epochs) {
      throw new TrainingError(
        `the saved training state is after epoch ${checkpoint.epoch}, but this run has only ${config.epochs} epochs`,
      );
    }
    if (checkpoint.assignment) checkAssignment(checkpoint.assignment, classCount, prototypes.N);
    await restoreCheckpoint(this.tf, checkpoint, this.pipeline.network.variables, this.optimizer);
    this.targets?.dispose();
    this.targets = null;
    const targets = await this.labelling.start(this.context, {
      epoch: checkpoint.epoch,
      assignment: checkpoint.assignment ?? null,
    });
    this.targets = targets;
    const own = checkpoint.targets && { ...checkpoint.targets, epoch: checkpoint.epoch };
    if (own) await restoreCheckpoint(this.tf, own, targets.variables, this.targetOptimizer());
    this.assignment = await targets.assignment();
    // The shuffles of the epochs already trained, drawn and dropped, so the rest of the run
    // sees the same order as a run that was never interrupted.
    for (let e = 0; e < checkpoint.epoch; e++) permutation(train.count, this.shuffleRng);
    this.epoch = checkpoint.epoch;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.pipeline.dispose();
    this.targets?.dispose();
    this.optimizer.dispose();
    this.ownOptimizer?.dispose();
  }

  /** The labelling's targets, made on first use (after prepare: some read the untrained model). */
  private async currentTargets(): Promise<ClassTargets> {
    if (this.targets === null) {
      this.targets = await this.labelling.start(this.context, null);
      this.assignment = await this.targets.assignment();
    }
    return this.targets;
  }

  /** Adam for the targets' own variables, at the permutation's rate. */
  private targetOptimizer(): TF.Optimizer {
    const { permutationLearningRate: rate } = this.context.options;
    // Entries of a doubly stochastic matrix are about 1/K: its steps are scaled to match.
    const scaled = this.labelling.id === 'autoshuffle' ? rate / this.input.classCount : rate;
    this.ownOptimizer ??= this.tf.train.adam(scaled);
    return this.ownOptimizer;
  }

  /** One Adam step on the network (and on the targets' own variables, if they learn). */
  private async step(
    indices: Int32Array,
    targets: ClassTargets,
  ): Promise<{ loss: number; right: number }> {
    const { tf, input, pipeline } = this;
    const { config, classCount } = input;
    const networkVars = pipeline.network.variables;
    const targetVars = targets.variables;
    let correct: TF.Tensor | null = null;
    const cost = tf.tidy(() => {
      const oneHot = this.oneHot(indices);
      const { value, grads } = tf.variableGrads(() => {
        const out = pipeline.network.apply(pipeline.trainInput(indices, this.augmentRng));
        const classProtos = targets.classPrototypes();
        const logits = prototypeLogits(tf, out, classProtos, config.loss, config.tau);
        correct = tf.keep(tf.sum(tf.mul(tf.oneHot(tf.argMax(logits, 1), classCount), oneHot)));
        const loss = prototypeLoss(tf, out, classProtos, oneHot, config.loss, config.tau);
        const penalty = targets.penalty();
        return penalty ? (tf.add(loss, penalty) as TF.Scalar) : loss;
      }, [...networkVars, ...targetVars]);
      const pick = (vars: readonly TF.Variable[]) =>
        Object.fromEntries(vars.map((v) => [v.name, grads[v.name]]));
      this.optimizer.applyGradients(pick(networkVars));
      if (targetVars.length > 0) this.targetOptimizer().applyGradients(pick(targetVars));
      return value;
    });
    const loss = (await cost.data())[0];
    cost.dispose();
    const right = correct === null ? 0 : (await (correct as TF.Tensor).data())[0];
    (correct as TF.Tensor | null)?.dispose();
    if (!Number.isFinite(loss)) {
      throw new TrainingError(
        `the loss became ${loss} at epoch ${this.epoch + 1}, batch ${this.batch + 1}: training diverged. ` +
          `Lower the learning rate (now ${config.learningRate})` +
          (config.loss === 'softmax' ? ` or raise tau (now ${config.tau})` : '') +
          ', then start again.',
      );
    }
    await targets.afterStep();
    return { loss, right };
  }

  /** Closes the epoch's statistics, then lets the labelling change the targets. */
  private async endEpoch(): Promise<void> {
    this.lastLoss = this.lossSum / this.seen;
    this.lastTrainAccuracy = this.right / this.seen;
    this.lossSum = 0;
    this.right = 0;
    this.seen = 0;
    this.batch = 0;
    this.epoch += 1;
    const before = this.targets as ClassTargets;
    const after = this.labelling.afterEpoch
      ? await this.labelling.afterEpoch(this.context, this.epoch, before)
      : before;
    if (after !== before) before.dispose();
    this.targets = after;
    this.assignment = await after.assignment();
  }

  /** Unit embeddings z of a whole split, in chunks. */
  private async embed(split: 'train' | 'test', count: number): Promise<Float32Array> {
    const { tf, pipeline } = this;
    const n = this.input.prototypes.n;
    const out = new Float32Array(count * n);
    for (let s = 0; s < count; s += pipeline.inferenceChunk) {
      const e = Math.min(count, s + pipeline.inferenceChunk);
      const z = tf.tidy(() =>
        normaliseRows(tf, pipeline.network.apply(pipeline.rows(split, s, e))),
      );
      const values = await z.data();
      z.dispose();
      out.set(values as Float32Array, s * n);
    }
    return out;
  }

  private oneHot(indices: Int32Array): TF.Tensor2D {
    const { tf, input } = this;
    const labels = new Int32Array(indices.length);
    for (let i = 0; i < indices.length; i++) labels[i] = input.train.labels[indices[i]];
    return tf.cast(
      tf.oneHot(tf.tensor1d(labels, 'int32'), input.classCount),
      'float32',
    ) as TF.Tensor2D;
  }

  private ready(): void {
    this.alive();
    if (!this.prepared) {
      throw new TrainingError('the trainer is not prepared: call prepare() first');
    }
  }

  private alive(): void {
    if (this.disposed) throw new TrainingError('this trainer was disposed: create a new one');
  }
}

/** One augmentation stream per epoch (SEED_STREAM_COUNT explains why). */
function augmentRandom(seed: number, epoch: number): Random {
  return createRandom(subSeed(seed, SEED_STREAMS.augment + SEED_STREAM_COUNT * epoch));
}
