/**
 * Where each class's training target comes from (the labellings of registry.ts build these). A
 * ClassTargets gives the K x n class prototypes (a tensor that may depend on its own trainable
 * variables, so a learned permutation trains with the network), an optional penalty, and the
 * hard rows used for decoding.
 */
import type * as TF from '@tensorflow/tfjs-core';
import {
  annealedTemperature,
  projectToDoublyStochastic,
  roundToPermutation,
} from '../../core/labelling/index.ts';
import type { Random } from '../../core/math/random.ts';

export interface ClassTargets {
  /** K x n targets of the classes (call inside a tidy / gradient scope). */
  classPrototypes(): TF.Tensor2D;
  /** Added to the loss (inside the gradient scope); null when the source has none. */
  penalty(): TF.Scalar | null;
  /** Its own trainable variables (trained at the permutation's learning rate, checkpointed). */
  readonly variables: TF.Variable[];
  /** Called before every epoch (temperatures, penalty weights). */
  setEpoch(epoch: number): void;
  /** Called after every optimiser step (projections). */
  afterStep(): Promise<void>;
  /** K x n rows decoding uses now (hard: a permutation's rows, or normalised free vectors). */
  decodeRows(): Promise<Float64Array>;
  /** The hard class -> prototype assignment now (null while there is none, e.g. in a warm-up). */
  assignment(): Promise<Int32Array | null>;
  /** Replaces a fixed assignment (null for targets that learn theirs). */
  readonly set: ((assignment: Int32Array) => void) | null;
  dispose(): void;
}

/** Rows assignment[k] of the N x n prototypes: class k's prototype in row k. */
export function rowsOf(prototypes: Float64Array, n: number, assignment: Int32Array): Float64Array {
  const out = new Float64Array(assignment.length * n);
  assignment.forEach((p, k) => {
    out.set(prototypes.subarray(p * n, (p + 1) * n), k * n);
  });
  return out;
}

/** A fixed assignment (identity, random, structure, and the Hungarian ones between changes). */
export function fixedSource(
  tf: typeof TF,
  prototypes: Float64Array,
  n: number,
  initial: Int32Array,
): ClassTargets {
  let current = Int32Array.from(initial);
  let rows = tf.tensor2d(Float32Array.from(rowsOf(prototypes, n, current)), [current.length, n]);
  return {
    classPrototypes: () => rows,
    penalty: () => null,
    variables: [],
    setEpoch() {},
    async afterStep() {},
    decodeRows: async () => rowsOf(prototypes, n, current),
    assignment: async () => Int32Array.from(current),
    set(assignment: Int32Array) {
      current = Int32Array.from(assignment);
      rows.dispose();
      rows = tf.tensor2d(Float32Array.from(rowsOf(prototypes, n, current)), [current.length, n]);
    },
    dispose: () => rows.dispose(),
  };
}

/**
 * Free class directions (a cosine classifier): the `hungarian` warm-up, which learns where the
 * data puts each class in z-space with no prior from the prototypes.
 */
export function freeSource(
  tf: typeof TF,
  classes: number,
  n: number,
  rng: Random,
  name: string,
): ClassTargets {
  const start = new Float32Array(classes * n);
  for (let i = 0; i < start.length; i++) start[i] = rng.normal();
  // In a tidy: tf.variable copies, so the starting tensor must not outlive it.
  const v = tf.tidy(() => tf.variable(tf.tensor2d(start, [classes, n]), true, name));
  const unit = () =>
    tf.tidy(() => tf.div(v, tf.sqrt(tf.sum(tf.square(v), 1, true)))) as TF.Tensor2D;
  return {
    classPrototypes: unit,
    penalty: () => null,
    variables: [v],
    setEpoch() {},
    async afterStep() {},
    async decodeRows() {
      const u = unit();
      const data = Float64Array.from(await u.data());
      u.dispose();
      return data;
    },
    assignment: async () => null,
    set: null,
    dispose: () => v.dispose(),
  };
}

/** log-domain Sinkhorn on a square tensor: alternately normalise rows and columns. */
function sinkhornTf(tf: typeof TF, logits: TF.Tensor2D, iterations: number): TF.Tensor2D {
  return tf.tidy(() => {
    let log = logits as TF.Tensor;
    for (let i = 0; i < iterations; i++) {
      log = tf.sub(log, tf.logSumExp(log, 1, true));
      log = tf.sub(log, tf.logSumExp(log, 0, true));
    }
    return tf.exp(log) as TF.Tensor2D;
  });
}

const SINKHORN_ITERATIONS = 20;

/**
 * A learned soft permutation M = Sinkhorn(L / T) over logits L, targets M C: every class is
 * pulled towards a mixture of prototypes that sharpens as T is annealed; decoding uses M rounded
 * to a permutation by Hungarian. K = N.
 */
export function sinkhornSource(
  tf: typeof TF,
  prototypes: Float64Array,
  n: number,
  initialLogits: Float64Array,
  size: number,
  epochs: number,
  schedule: { start: number; end: number },
  name: string,
): ClassTargets {
  const C = tf.tensor2d(Float32Array.from(prototypes), [size, n]);
  const L = tf.tidy(() =>
    tf.variable(tf.tensor2d(Float32Array.from(initialLogits), [size, size]), true, name),
  );
  let temperature = schedule.start;
  const matrix = () => sinkhornTf(tf, tf.div(L, temperature) as TF.Tensor2D, SINKHORN_ITERATIONS);
  const hard = async () => {
    const m = tf.tidy(matrix);
    const values = Float64Array.from(await m.data());
    m.dispose();
    return roundToPermutation(values, size);
  };
  return {
    classPrototypes: () => tf.matMul(matrix(), C),
    penalty: () => null,
    variables: [L],
    setEpoch(epoch) {
      temperature = annealedTemperature(epoch, epochs, schedule);
    },
    async afterStep() {},
    decodeRows: async () => rowsOf(prototypes, n, await hard()),
    assignment: hard,
    set: null,
    dispose() {
      C.dispose();
      L.dispose();
    },
  };
}

/**
 * AutoShuffleNet: a doubly stochastic M trained directly, targets M C, plus weight x the exact
 * penalty sum_lines (|line|_1 - |line|_2) (zero only at permutations); after every step M is
 * clamped and projected back to doubly stochastic. The weight rises linearly to `weight`.
 */
export function autoshuffleSource(
  tf: typeof TF,
  prototypes: Float64Array,
  n: number,
  initial: Float64Array,
  size: number,
  epochs: number,
  weight: number,
  name: string,
): ClassTargets {
  const C = tf.tensor2d(Float32Array.from(prototypes), [size, n]);
  const M = tf.tidy(() =>
    tf.variable(tf.tensor2d(Float32Array.from(initial), [size, size]), true, name),
  );
  let lambda = 0;
  const hard = async () => roundToPermutation(Float64Array.from(await M.data()), size);
  return {
    classPrototypes: () => tf.matMul(M, C),
    penalty: () =>
      tf.tidy(() => {
        const l1 = tf.mul(2, tf.sum(tf.abs(M)));
        const rows = tf.sum(tf.sqrt(tf.sum(tf.square(M), 1)));
        const cols = tf.sum(tf.sqrt(tf.sum(tf.square(M), 0)));
        return tf.mul(lambda, tf.sub(l1, tf.add(rows, cols))) as TF.Scalar;
      }),
    variables: [M],
    setEpoch(epoch) {
      lambda = (weight * (epoch + 1)) / epochs;
    },
    async afterStep() {
      const projected = projectToDoublyStochastic(Float64Array.from(await M.data()), size, {
        tolerance: 1e-6,
        maxIterations: 50,
      });
      // Inside a tidy, so the tensor handed to assign is freed with the scope.
      tf.tidy(() => M.assign(tf.tensor2d(Float32Array.from(projected.matrix), [size, size])));
    },
    decodeRows: async () => rowsOf(prototypes, n, await hard()),
    assignment: hard,
    set: null,
    dispose() {
      C.dispose();
      M.dispose();
    },
  };
}
