/**
 * TensorFlow.js for Node entry points (CLI, bench, tests) on the pure JavaScript cpu backend
 * (tfjs-node cannot be installed here). The whole @tensorflow/tfjs package, because it is what
 * registers the gradients in the same copy of tfjs-core that it exports; a separate import of
 * tfjs-core's register_all_gradients would load a second copy in Node. Loaded on demand:
 * importing tfjs takes a while, and the CLI's other commands do not need it.
 */
import type * as TF from '@tensorflow/tfjs-core';

let loaded: Promise<typeof TF> | null = null;

export function loadNodeTf(): Promise<typeof TF> {
  loaded ??= (async () => {
    const tf = (await import('@tensorflow/tfjs')) as unknown as typeof TF;
    // Silence the "install tfjs-node" banner: it cannot be installed here.
    tf.env().set('IS_TEST', true);
    await tf.setBackend('cpu');
    await tf.ready();
    return tf;
  })();
  return loaded;
}
