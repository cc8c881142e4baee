/**
 * Where the fast mode's feature pass runs. Its one heavy operation is a matrix product (every
 * 6x6 patch of every image times 64 filters: 1.35 million multiply-adds an image), which tfjs's
 * plain JavaScript cpu backend does at about 300 images a second here. The WebAssembly backend
 * (XNNPACK, SIMD) does the same product four to seven times faster, so when training runs on the
 * cpu backend and the environment has registered `wasm` (the training worker and the Node loader
 * do), the feature pass borrows it and hands the cpu back afterwards. On a GPU backend the
 * product stays where it is: a GPU is faster still. The features differ from the cpu's only by
 * float32 rounding (the sums run in another order); the pass is deterministic either way.
 */
import type * as TF from '@tensorflow/tfjs-core';

export interface FeatureBackend {
  /** The backend the features are computed on. */
  readonly name: string;
  /** Makes the backend that was active before current again. */
  leave(): Promise<void>;
}

export const FEATURE_BACKEND = 'wasm';

export async function enterFeatureBackend(tf: typeof TF): Promise<FeatureBackend> {
  const previous = tf.getBackend();
  const stay: FeatureBackend = { name: previous, leave: async () => {} };
  if (previous !== 'cpu' || tf.findBackendFactory(FEATURE_BACKEND) === null) return stay;
  let switched = false;
  try {
    switched = await tf.setBackend(FEATURE_BACKEND);
  } catch {
    switched = false;
  }
  if (!switched || tf.getBackend() !== FEATURE_BACKEND) {
    // The WebAssembly module failed to start (an old browser, a blocked fetch): stay on the cpu.
    await tf.setBackend(previous);
    return stay;
  }
  return {
    name: FEATURE_BACKEND,
    leave: async () => {
      await tf.setBackend(previous);
    },
  };
}
