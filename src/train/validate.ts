/** Checks a TrainInput completely before any tensor is made; every problem is a TrainingError. */
import { TRAIN_LIMITS, type TrainInput, TrainingError, type TrainSplit } from './types.ts';

const PIXELS = 3072;

function checkRange(name: string, value: number, integer: boolean): void {
  const range = TRAIN_LIMITS[name as keyof typeof TRAIN_LIMITS];
  const ok =
    Number.isFinite(value) &&
    (!integer || Number.isInteger(value)) &&
    value >= range.min &&
    value <= range.max;
  if (!ok) {
    throw new TrainingError(
      `${name} must be ${integer ? 'a whole number' : 'a number'} from ${range.min} to ${range.max}, got ${value}`,
    );
  }
}

function checkSplit(name: string, split: TrainSplit, classCount: number): void {
  if (!Number.isInteger(split.count) || split.count < 1) {
    throw new TrainingError(`the ${name} set is empty: it needs at least one image`);
  }
  if (split.pixels.length !== split.count * PIXELS) {
    throw new TrainingError(
      `the ${name} set has ${split.count} images, so it needs ${split.count * PIXELS} pixel bytes (3072 an image), got ${split.pixels.length}`,
    );
  }
  if (split.labels.length !== split.count) {
    throw new TrainingError(
      `the ${name} set has ${split.count} images but ${split.labels.length} labels`,
    );
  }
  for (let i = 0; i < split.count; i++) {
    if (split.labels[i] >= classCount) {
      throw new TrainingError(
        `${name} image ${i} has label ${split.labels[i]}, but there are only ${classCount} classes (labels 0 to ${classCount - 1})`,
      );
    }
  }
}

export function validateInput(input: TrainInput): void {
  const { config, prototypes, classCount } = input;
  if (config.mode !== 'fast' && config.mode !== 'cnn') {
    throw new TrainingError(`mode must be "fast" or "cnn", got "${config.mode}"`);
  }
  if (config.loss !== 'softmax' && config.loss !== 'unnormalised' && config.loss !== 'mettes') {
    throw new TrainingError(
      `loss must be "softmax", "unnormalised" or "mettes", got "${config.loss}"`,
    );
  }
  checkRange('epochs', config.epochs, true);
  checkRange('batchSize', config.batchSize, true);
  checkRange('learningRate', config.learningRate, false);
  checkRange('tau', config.tau, false);
  checkRange('seed', config.seed, true);
  const hidden = config.hiddenUnits ?? 0;
  if (!Number.isInteger(hidden) || hidden < 0 || hidden > 4096) {
    throw new TrainingError(`hiddenUnits must be a whole number from 0 to 4096, got ${hidden}`);
  }
  if (!Number.isInteger(classCount) || classCount < 2 || classCount > 255) {
    throw new TrainingError(`classCount must be a whole number from 2 to 255, got ${classCount}`);
  }
  const { N, n, data } = prototypes;
  if (!Number.isInteger(N) || !Number.isInteger(n) || n < 1 || data.length !== N * n) {
    throw new TrainingError(
      `the prototypes must be N x n numbers (N = ${N}, n = ${n}), got ${data.length}`,
    );
  }
  if (N < classCount) {
    throw new TrainingError(
      `there are ${classCount} classes but only ${N} prototypes: every class needs its own prototype`,
    );
  }
  for (let i = 0; i < N; i++) {
    let norm = 0;
    for (let j = 0; j < n; j++) norm += data[i * n + j] ** 2;
    if (!(Math.abs(Math.sqrt(norm) - 1) < 1e-6)) {
      throw new TrainingError(
        `prototype ${i} has length ${Math.sqrt(norm)}, but prototypes must be unit vectors`,
      );
    }
  }
  if (input.assignment) checkAssignment(input.assignment, classCount, N);
  checkSplit('training', input.train, classCount);
  checkSplit('test', input.test, classCount);
}

/** Class k -> prototype assignment[k]: one distinct prototype per class. */
export function checkAssignment(assignment: Int32Array, classCount: number, N: number): void {
  if (assignment.length !== classCount) {
    throw new TrainingError(
      `the assignment must give a prototype for each of the ${classCount} classes, got ${assignment.length}`,
    );
  }
  const used = new Uint8Array(N);
  for (let k = 0; k < classCount; k++) {
    const p = assignment[k];
    if (!Number.isInteger(p) || p < 0 || p >= N) {
      throw new TrainingError(`class ${k} is assigned prototype ${p}, which is not 0 to ${N - 1}`);
    }
    if (used[p]) {
      throw new TrainingError(`prototype ${p} is assigned to two classes: each needs its own`);
    }
    used[p] = 1;
  }
}
