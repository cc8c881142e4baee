/**
 * Seeded weight initialisation in plain JavaScript, so a seed gives the same starting weights on
 * every backend (tfjs's own random initialisers differ between backends).
 */
import type * as TF from '@tensorflow/tfjs-core';
import type { Random } from '../../core/math/random.ts';

/** Normal values with standard deviation sqrt(2 / fanIn) (He et al. 2015, for ReLU layers). */
export function heNormal(rng: Random, shape: readonly number[], fanIn: number): Float32Array {
  const size = shape.reduce((a, b) => a * b, 1);
  const std = Math.sqrt(2 / fanIn);
  const out = new Float32Array(size);
  for (let i = 0; i < size; i++) out[i] = rng.normal() * std;
  return out;
}

/** A trainable weight with He-normal start. */
export function heVariable(
  tf: typeof TF,
  rng: Random,
  shape: number[],
  fanIn: number,
  name: string,
): TF.Variable {
  return tf.tidy(() => tf.variable(tf.tensor(heNormal(rng, shape, fanIn), shape), true, name));
}

/** A trainable zero bias. */
export function zeroVariable(tf: typeof TF, shape: number[], name: string): TF.Variable {
  return tf.tidy(() => tf.variable(tf.zeros(shape), true, name));
}
