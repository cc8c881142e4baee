/**
 * tfjs's WebAssembly backend as the CPU's faster arm. Both modes run on it several times faster
 * than on the plain JavaScript cpu backend (XNNPACK, SIMD): the fast mode's matrix products, and
 * the CNN, whose missing filter gradient (Conv2DBackpropFilter) models/conv.ts supplies as a
 * forward convolution. Hence:
 * - a run chosen for the CPU trains on it whole (switchCpuToWasm), and
 * - the feature pass alone borrows it from the cpu backend when a caller stays there:
 *   enterFeatureBackend.
 * Only where the environment registered `wasm` (the training and experiment workers, the Node
 * loader). Results differ from the cpu's by float32 rounding only (sums in another order).
 */
import type * as TF from '@tensorflow/tfjs-core';

export const WASM_BACKEND = 'wasm';

/**
 * Makes the WebAssembly backend current; false (and `fallback` current again) when it is not
 * registered or its module fails to start (an old browser, a blocked fetch).
 */
async function switchToWasm(tf: typeof TF, fallback: string): Promise<boolean> {
  if (tf.findBackendFactory(WASM_BACKEND) === null) return false;
  let switched = false;
  try {
    switched = await tf.setBackend(WASM_BACKEND);
  } catch {
    switched = false;
  }
  if (switched && tf.getBackend() === WASM_BACKEND) return true;
  await tf.setBackend(fallback);
  return false;
}

/**
 * For a run that would train on the cpu backend: switches to WebAssembly for the whole run and
 * answers true. Call before the trainer is created, so its tensors (and its convolution) are
 * made for that backend.
 */
export async function switchCpuToWasm(tf: typeof TF): Promise<boolean> {
  if (tf.getBackend() !== 'cpu') return false;
  return switchToWasm(tf, 'cpu');
}

export interface FeatureBackend {
  /** The backend the features are computed on. */
  readonly name: string;
  /** Makes the backend that was active before current again. */
  leave(): Promise<void>;
}

/** The feature pass borrows WebAssembly from the cpu backend; any other backend keeps the work. */
export async function enterFeatureBackend(tf: typeof TF): Promise<FeatureBackend> {
  const previous = tf.getBackend();
  if (previous !== 'cpu' || !(await switchToWasm(tf, previous))) {
    return { name: previous, leave: async () => {} };
  }
  return {
    name: WASM_BACKEND,
    leave: async () => {
      await tf.setBackend(previous);
    },
  };
}
