/**
 * The training loop behind createTrainer: shuffled mini-batches, one Adam step each, running
 * loss and accuracy per epoch, evaluation by nearest prototype. Every tensor a step makes is
 * freed in the step, so tf.memory().numTensors is the same after every epoch.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { createRandom, type Random } from '../core/math/random.ts';
import { restoreCheckpoint, type TrainCheckpoint, takeCheckpoint } from './checkpoint.ts';
import { nearestPrototype, scorePredictions } from './decode.ts';
import { normaliseRows, prototypeLogits, prototypeLoss } from './loss.ts';
import { createCnnPipeline } from './pipelines/cnnPipeline.ts';
import { createFastPipeline } from './pipelines/fastPipeline.ts';
import { type Pipeline, SEED_STREAM_COUNT, SEED_STREAMS, subSeed } from './pipelines/pipeline.ts';
import { permutation } from './shuffle.ts';
import type { Trainer } from './trainer.ts';
import { type BatchReport, type EpochReport, type TrainInput, TrainingError } from './types.ts';
import { checkAssignment } from './validate.ts';

export function createLoop(tf: typeof TF, input: TrainInput, pipeline?: Pipeline): Trainer {
  const made =
    pipeline ??
    (input.config.mode === 'fast' ? createFastPipeline(tf, input) : createCnnPipeline(tf, input));
  return new Loop(tf, input, made);
}

class Loop implements Trainer {
  readonly batchesPerEpoch: number;
  epoch = 0;
  assignment: Int32Array;
  private batch = 0;
  private prepared = false;
  private disposed = false;
  private order: Int32Array;
  private readonly shuffleRng;
  private augmentRng: Random;
  private stepped = false;
  private readonly optimizer: TF.Optimizer;
  private classProtos: TF.Tensor2D;
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
    const { config, train, classCount } = input;
    this.batchesPerEpoch = Math.ceil(train.count / config.batchSize);
    this.shuffleRng = createRandom(subSeed(config.seed, SEED_STREAMS.shuffle));
    this.augmentRng = augmentRandom(config.seed, 0);
    this.order = new Int32Array(0);
    this.assignment = Int32Array.from(input.assignment ?? identity(classCount));
    this.classProtos = this.protoTensor();
    this.optimizer = tf.train.adam(config.learningRate);
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
    this.alive();
    if (!this.prepared) {
      throw new TrainingError('the trainer is not prepared: call prepare() before training');
    }
    if (this.done) {
      throw new TrainingError(`training is finished: all ${this.input.config.epochs} epochs ran`);
    }
    const { tf, input } = this;
    const { config, train } = input;
    const start = performance.now();
    if (this.batch === 0) {
      this.order = permutation(train.count, this.shuffleRng);
      this.augmentRng = augmentRandom(config.seed, this.epoch);
    }
    this.stepped = true;
    const from = this.batch * config.batchSize;
    const indices = this.order.subarray(from, Math.min(train.count, from + config.batchSize));
    let correct: TF.Tensor | null = null;
    const cost = tf.tidy(() => {
      const oneHot = this.oneHot(indices);
      return this.optimizer.minimize(
        () => {
          const out = this.pipeline.network.apply(
            this.pipeline.trainInput(indices, this.augmentRng),
          );
          const logits = prototypeLogits(tf, out, this.classProtos, config.loss, config.tau);
          correct = tf.keep(
            tf.sum(tf.mul(tf.oneHot(tf.argMax(logits, 1), input.classCount), oneHot)),
          );
          return prototypeLoss(tf, out, this.classProtos, oneHot, config.loss, config.tau);
        },
        true,
        this.pipeline.network.variables,
      ) as TF.Scalar;
    });
    const loss = (await cost.data())[0];
    cost.dispose();
    const rightHere = correct === null ? 0 : (await (correct as TF.Tensor).data())[0];
    (correct as TF.Tensor | null)?.dispose();
    if (!Number.isFinite(loss)) {
      throw new TrainingError(
        `the loss became ${loss} at epoch ${this.epoch + 1}, batch ${this.batch + 1}: training diverged. ` +
          `Lower the learning rate (now ${config.learningRate})` +
          (config.loss === 'softmax' ? ` or raise tau (now ${config.tau})` : '') +
          ', then start again.',
      );
    }
    const report: BatchReport = {
      epoch: this.epoch,
      batch: this.batch,
      batchesPerEpoch: this.batchesPerEpoch,
      loss,
      imagesPerSecond: (indices.length * 1000) / Math.max(performance.now() - start, 1e-3),
    };
    this.lossSum += loss * indices.length;
    this.right += rightHere;
    this.seen += indices.length;
    this.batch += 1;
    if (this.batch === this.batchesPerEpoch) {
      this.lastLoss = this.lossSum / this.seen;
      this.lastTrainAccuracy = this.right / this.seen;
      this.lossSum = 0;
      this.right = 0;
      this.seen = 0;
      this.batch = 0;
      this.epoch += 1;
    }
    this.busyMs += performance.now() - start;
    return report;
  }

  async evaluate(): Promise<EpochReport> {
    this.alive();
    if (!this.prepared) {
      throw new TrainingError('the trainer is not prepared: call prepare() before evaluating');
    }
    const start = performance.now();
    const { input } = this;
    const { test, prototypes, classCount } = input;
    const embeddings = await this.embed('test', test.count);
    const predictions = nearestPrototype(
      embeddings,
      test.count,
      prototypes.n,
      prototypes.data,
      this.assignment,
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
      numTensors: this.tf.memory().numTensors,
      timeMs: this.busyMs,
    };
  }

  async embedTrain(): Promise<Float32Array> {
    this.alive();
    return this.embed('train', this.input.train.count);
  }

  setAssignment(assignment: Int32Array): void {
    this.alive();
    checkAssignment(assignment, this.input.classCount, this.input.prototypes.N);
    this.assignment = Int32Array.from(assignment);
    this.classProtos.dispose();
    this.classProtos = this.protoTensor();
  }

  async checkpoint(): Promise<TrainCheckpoint> {
    this.alive();
    if (this.batch !== 0) {
      throw new TrainingError('a checkpoint is taken between epochs, not in the middle of one');
    }
    const saved = await takeCheckpoint(this.epoch, this.pipeline.network.variables, this.optimizer);
    return { ...saved, assignment: Int32Array.from(this.assignment) };
  }

  async restore(checkpoint: TrainCheckpoint): Promise<void> {
    this.alive();
    if (this.stepped) throw new TrainingError('a checkpoint is restored before the first step');
    if (checkpoint.epoch > this.input.config.epochs) {
      throw new TrainingError(
        `the saved training state is after epoch ${checkpoint.epoch}, but this run has only ${this.input.config.epochs} epochs`,
      );
    }
    if (checkpoint.assignment)
      checkAssignment(checkpoint.assignment, this.input.classCount, this.input.prototypes.N);
    await restoreCheckpoint(this.tf, checkpoint, this.pipeline.network.variables, this.optimizer);
    if (checkpoint.assignment) this.setAssignment(checkpoint.assignment);
    // The shuffles of the epochs already trained, drawn and dropped, so the rest of the run
    // sees the same order as a run that was never interrupted.
    for (let e = 0; e < checkpoint.epoch; e++) permutation(this.input.train.count, this.shuffleRng);
    this.epoch = checkpoint.epoch;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.pipeline.dispose();
    this.classProtos.dispose();
    this.optimizer.dispose();
  }

  /** Unit embeddings z of a whole split, in chunks. */
  private async embed(split: 'train' | 'test', count: number): Promise<Float32Array> {
    const { tf } = this;
    const n = this.input.prototypes.n;
    const out = new Float32Array(count * n);
    for (let s = 0; s < count; s += this.pipeline.inferenceChunk) {
      const e = Math.min(count, s + this.pipeline.inferenceChunk);
      const z = tf.tidy(() =>
        normaliseRows(tf, this.pipeline.network.apply(this.pipeline.rows(split, s, e))),
      );
      const values = await z.data();
      z.dispose();
      out.set(values as Float32Array, s * n);
    }
    return out;
  }

  /** Row k = prototype assignment[k]: the loss and decoding index classes directly. */
  private protoTensor(): TF.Tensor2D {
    const { N, n, data } = this.input.prototypes;
    const rows = new Float32Array(this.assignment.length * n);
    this.assignment.forEach((p, k) => {
      for (let j = 0; j < n; j++) rows[k * n + j] = data[p * n + j];
    });
    if (this.assignment.some((p) => p >= N)) throw new TrainingError('assignment out of range');
    return this.tf.tensor2d(rows, [this.assignment.length, n]);
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

  private alive(): void {
    if (this.disposed) throw new TrainingError('this trainer was disposed: create a new one');
  }
}

/**
 * One augmentation stream per epoch (not one for the whole run), so a run restored at an epoch
 * boundary flips and crops exactly as an uninterrupted run would, without replaying the draws.
 */
function augmentRandom(seed: number, epoch: number): Random {
  return createRandom(subSeed(seed, SEED_STREAMS.augment + SEED_STREAM_COUNT * epoch));
}

function identity(k: number): Int32Array {
  const out = new Int32Array(k);
  for (let i = 0; i < k; i++) out[i] = i;
  return out;
}
