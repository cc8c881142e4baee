import type * as TF from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../core/math/random.ts';
import { FAST_FEATURES, type FeatureOptions } from '../models/fastFeatures.ts';
import { loadNodeTf } from '../node/nodeTf.ts';
import type { TrainSplit } from '../types.ts';
import { switchCpuToWasm } from '../wasmOnCpu.ts';
import { computeFeatures } from './fastPipeline.ts';

let tf: typeof TF;
beforeAll(async () => {
  tf = await loadNodeTf();
}, 120_000);

// Small enough for a unit test: 8 filters fitted on 300 patches.
const OPTIONS: FeatureOptions = { ...FAST_FEATURES, filters: 8, samples: 300, chunk: 3 };

function randomSplit(count: number, seed: number): TrainSplit {
  const rng = createRandom(seed);
  const pixels = new Uint8Array(count * 3072);
  for (let i = 0; i < pixels.length; i++) pixels[i] = rng.int(256);
  return { count, pixels, labels: new Uint8Array(count) };
}

describe('computeFeatures', { timeout: 120_000 }, () => {
  it('computes the same features on the WebAssembly backend as on the cpu, and says where', async () => {
    const train = randomSplit(5, 1);
    const test = randomSplit(3, 2);
    const onCpu = await computeFeatures(tf, train, test, 7, undefined, undefined, OPTIONS);
    expect(onCpu?.backend).toBe('cpu');
    expect(await switchCpuToWasm(tf)).toBe(true);
    let onWasm: Awaited<ReturnType<typeof computeFeatures>>;
    try {
      const before = tf.memory().numTensors;
      onWasm = await computeFeatures(tf, train, test, 7, undefined, undefined, OPTIONS);
      expect(tf.memory().numTensors).toBe(before);
    } finally {
      await tf.setBackend('cpu');
    }
    expect(onWasm?.backend).toBe('wasm');
    if (!onWasm || !onCpu) throw new Error('not stopped');
    const width = 2 * OPTIONS.filters * OPTIONS.grid * OPTIONS.grid;
    expect(onWasm.width).toBe(width);
    for (const split of ['train', 'test', 'trainFlipped'] as const) {
      const a = onWasm[split];
      const b = onCpu[split];
      expect(a?.length).toBe(b?.length);
      // Standardised features: float32 rounding of sums in another order, nothing more.
      for (let i = 0; i < (a?.length ?? 0); i++)
        expect(a?.[i]).toBeCloseTo(b?.[i] ?? Number.NaN, 3);
    }
  });
});
