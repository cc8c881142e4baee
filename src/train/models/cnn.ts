/**
 * The small end-to-end CNN: conv3x3(16)-ReLU-maxpool, conv3x3(32)-ReLU-maxpool, dense(64)-ReLU,
 * dense(n). Built from tfjs-core ops (no tfjs-layers), so it runs wherever the core runs.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { createRandom } from '../../core/math/random.ts';
import { conv3x3For } from './conv.ts';
import { heVariable, zeroVariable } from './init.ts';
import { type Network, uniqueName } from './model.ts';

export interface CnnShape {
  readonly conv1: number;
  readonly conv2: number;
  readonly hidden: number;
}

export const CNN_SHAPE: CnnShape = { conv1: 16, conv2: 32, hidden: 64 };

/** Input: batch x 32 x 32 x 3 (standardised). Output: batch x n. */
export function createCnn(
  tf: typeof TF,
  n: number,
  seed: number,
  shape: CnnShape = CNN_SHAPE,
): Network {
  const rng = createRandom(seed);
  const id = uniqueName('cnn');
  const flat = 8 * 8 * shape.conv2;
  const w1 = heVariable(tf, rng, [3, 3, 3, shape.conv1], 27, `${id}_w1`);
  const b1 = zeroVariable(tf, [shape.conv1], `${id}_b1`);
  const w2 = heVariable(tf, rng, [3, 3, shape.conv1, shape.conv2], 9 * shape.conv1, `${id}_w2`);
  const b2 = zeroVariable(tf, [shape.conv2], `${id}_b2`);
  const w3 = heVariable(tf, rng, [flat, shape.hidden], flat, `${id}_w3`);
  const b3 = zeroVariable(tf, [shape.hidden], `${id}_b3`);
  // The last layer is linear: its scale 1/fanIn keeps the first outputs moderate.
  const w4 = heVariable(tf, rng, [shape.hidden, n], 2 * shape.hidden, `${id}_w4`);
  const b4 = zeroVariable(tf, [n], `${id}_b4`);
  const variables = [w1, b1, w2, b2, w3, b3, w4, b4];
  const conv = conv3x3For(tf);
  return {
    variables,
    apply(x) {
      const x4 = x as TF.Tensor4D;
      const block = (x: TF.Tensor4D, w: TF.Variable, b: TF.Variable): TF.Tensor4D =>
        tf.maxPool(tf.relu(tf.add(conv(x, w as TF.Tensor4D), b)) as TF.Tensor4D, 2, 2, 'valid');
      const c2 = block(block(x4, w1, b1), w2, b2);
      const h = tf.relu(
        tf.add(tf.matMul(tf.reshape(c2, [-1, flat]) as TF.Tensor2D, w3 as TF.Tensor2D), b3),
      );
      return tf.add(tf.matMul(h as TF.Tensor2D, w4 as TF.Tensor2D), b4) as TF.Tensor2D;
    },
    dispose() {
      for (const v of variables) v.dispose();
    },
  };
}
