/**
 * The fast mode's trainable part: on standardised features, dense(hidden)-ReLU-dense(n), or a
 * single dense(n) when hidden is 0.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { createRandom } from '../../core/math/random.ts';
import { heVariable, zeroVariable } from './init.ts';
import { type Network, uniqueName } from './model.ts';

export function createHead(
  tf: typeof TF,
  inputs: number,
  hidden: number,
  n: number,
  seed: number,
): Network {
  const rng = createRandom(seed);
  const id = uniqueName('head');
  const layers: Array<[TF.Variable, TF.Variable]> = [];
  let fanIn = inputs;
  for (const width of hidden > 0 ? [hidden, n] : [n]) {
    const last = width === n && layers.length === (hidden > 0 ? 1 : 0);
    // He scale for ReLU layers; half of it for the linear output.
    const w = heVariable(
      tf,
      rng,
      [fanIn, width],
      last ? 2 * fanIn : fanIn,
      `${id}_w${layers.length}`,
    );
    layers.push([w, zeroVariable(tf, [width], `${id}_b${layers.length}`)]);
    fanIn = width;
  }
  const variables = layers.flat();
  return {
    variables,
    apply(x) {
      let h = x as TF.Tensor2D;
      layers.forEach(([w, b], i) => {
        h = tf.add(tf.matMul(h, w as TF.Tensor2D), b) as TF.Tensor2D;
        if (i < layers.length - 1) h = tf.relu(h);
      });
      return h;
    },
    dispose() {
      for (const v of variables) v.dispose();
    },
  };
}
