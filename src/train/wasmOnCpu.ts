/**
 * tfjs's WebAssembly backend as the CPU's faster arm: a run that would train on the plain
 * JavaScript cpu backend trains on it instead, several times faster in both modes (XNNPACK,
 * SIMD): the fast mode's matrix products, and the CNN, whose missing filter gradient
 * (Conv2DBackpropFilter) models/conv.ts supplies as a forward convolution. Only where the
 * environment registered `wasm` (the training and experiment workers, the Node loader). Results
 * differ from the cpu's by float32 rounding only (sums in another order).
 */
import type * as TF from '@tensorflow/tfjs-core';

export const WASM_BACKEND = 'wasm';

/**
 * For a run that would train on the cpu backend: switches to WebAssembly for the whole run and
 * answers true; false (and still on the cpu) when wasm is not registered, its module fails to
 * start (an old browser, a blocked fetch), or another backend is active. Call before the trainer
 * is created, so its tensors (and its convolution) are made for that backend.
 */
export async function switchCpuToWasm(tf: typeof TF): Promise<boolean> {
  if (tf.getBackend() !== 'cpu' || tf.findBackendFactory(WASM_BACKEND) === null) return false;
  let switched = false;
  try {
    switched = await tf.setBackend(WASM_BACKEND);
  } catch {
    switched = false;
  }
  if (switched && tf.getBackend() === WASM_BACKEND) return true;
  await tf.setBackend('cpu');
  return false;
}
