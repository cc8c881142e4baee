/**
 * TensorFlow.js for Node entry points (CLI, bench, tests) on the pure JavaScript cpu backend
 * (tfjs-node cannot be installed here). The whole @tensorflow/tfjs package, because it is what
 * registers the gradients in the same copy of tfjs-core that it exports; a separate import of
 * tfjs-core's register_all_gradients would load a second copy in Node. Loaded on demand:
 * importing tfjs takes a while, and the CLI's other commands do not need it. The WebAssembly
 * backend is registered too (it finds its .wasm files beside its own module): the CLI trains on
 * it (train/wasmOnCpu.ts); the cpu backend stays the active one until a caller switches.
 */
import type * as TF from '@tensorflow/tfjs-core';

let loaded: Promise<typeof TF> | null = null;

export function loadNodeTf(): Promise<typeof TF> {
  loaded ??= (async () => {
    const tf = (await import('@tensorflow/tfjs')) as unknown as typeof TF;
    // Registers 'wasm' with the same tfjs-core (one hoisted copy); it starts on first use only.
    await import('@tensorflow/tfjs-backend-wasm');
    // Silence the "install tfjs-node" banner: it cannot be installed here. PROD, not IS_TEST:
    // IS_TEST also turns on a per-kernel leak check that miscounts the wasm backend's data ids
    // inside custom gradients (the CNN's convolution); the tensor counts show no leak.
    tf.env().set('PROD', true);
    await tf.setBackend('cpu');
    await tf.ready();
    return tf;
  })();
  return loaded;
}
