/**
 * A run's state at the end of an epoch, read back from the backend into plain arrays: the
 * network's weights and Adam's moments. It is what lets training go on after the GPU device (or
 * the WebGL context) is lost: the page keeps the newest checkpoint, and a trainer on another
 * backend restores it and carries on with the next epoch instead of starting again.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { TrainingError } from './types.ts';

export interface SavedTensor {
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

export interface TrainCheckpoint {
  /** Completed epochs: training goes on with epoch `epoch` (0-based). */
  readonly epoch: number;
  /** The network's variables, in the network's order. */
  readonly weights: readonly SavedTensor[];
  /** Adam's first moments then second moments, in the same order (empty before any step). */
  readonly moments: readonly SavedTensor[];
  /** Adam's step counter (its bias corrections follow from it). */
  readonly iterations: number;
  /** The class -> prototype assignment in use (it may have changed during training). */
  readonly assignment?: Int32Array;
  /** A learned labelling's own variables and their optimiser's state, in the same form. */
  readonly targets?: Pick<TrainCheckpoint, 'weights' | 'moments' | 'iterations'>;
}

async function save(t: TF.Tensor): Promise<SavedTensor> {
  return { shape: [...t.shape], values: Float32Array.from(await t.data()) };
}

/** Reads the weights and the optimiser's state (nothing is changed or left allocated). */
export async function takeCheckpoint(
  epoch: number,
  variables: readonly TF.Variable[],
  optimizer: TF.Optimizer,
): Promise<TrainCheckpoint> {
  const weights = await Promise.all(variables.map(save));
  // [iterations (a new scalar), ...the optimiser's own moment variables]
  const named = await optimizer.getWeights();
  const iterations = (await named[0].tensor.data())[0];
  named[0].tensor.dispose();
  const moments = await Promise.all(named.slice(1).map((w) => save(w.tensor)));
  return { epoch, weights, moments, iterations };
}

const sameShape = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Writes a checkpoint into the variables and a fresh optimiser. Throws TrainingError, changing
 * nothing, when it was taken from a different model (other mode, dimension or class count).
 */
export async function restoreCheckpoint(
  tf: typeof TF,
  checkpoint: TrainCheckpoint,
  variables: readonly TF.Variable[],
  optimizer: TF.Optimizer,
): Promise<void> {
  const { weights, moments } = checkpoint;
  const fits =
    weights.length === variables.length &&
    weights.every((w, i) => sameShape(w.shape, variables[i].shape)) &&
    (moments.length === 0 ||
      (moments.length === 2 * variables.length &&
        moments.every((m, i) => sameShape(m.shape, variables[i % variables.length].shape))));
  if (!fits) {
    throw new TrainingError(
      'the saved training state does not fit this model (a different mode, dimension or number of classes): start a new run',
    );
  }
  weights.forEach((w, i) => {
    tf.tidy(() => variables[i].assign(tf.tensor(w.values, [...w.shape])));
  });
  if (moments.length === 0) return; // saved before the first step: nothing to restore
  const named = [
    { name: 'iter', tensor: tf.scalar(checkpoint.iterations, 'int32') },
    ...moments.map((m, i) => ({ name: `moment_${i}`, tensor: tf.tensor(m.values, [...m.shape]) })),
  ];
  await optimizer.setWeights(named);
  // setWeights made its own variables from these (sharing their data); ours can go.
  for (const w of named) w.tensor.dispose();
}
