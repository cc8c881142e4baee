import type * as TF from '@tensorflow/tfjs-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadNodeTf } from '../node/nodeTf.ts';
import { enterFeatureBackend, switchCpuToWasm } from './featureBackend.ts';

let tf: typeof TF;
beforeAll(async () => {
  tf = await loadNodeTf();
}, 120_000);
afterEach(async () => {
  await tf.setBackend('cpu');
});

describe('the WebAssembly backend as the CPU’s faster arm', { timeout: 120_000 }, () => {
  it('takes a run from the cpu backend, and leaves any other backend alone', async () => {
    expect(await switchCpuToWasm(tf)).toBe(true);
    expect(tf.getBackend()).toBe('wasm');
    expect(await switchCpuToWasm(tf)).toBe(false);
    expect(tf.getBackend()).toBe('wasm');
  });

  it('lends itself to the feature pass from the cpu and hands the cpu back', async () => {
    const borrowed = await enterFeatureBackend(tf);
    expect(borrowed.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    await borrowed.leave();
    expect(tf.getBackend()).toBe('cpu');
  });

  it('stays on the cpu when no WebAssembly backend is registered', async () => {
    const factory = tf.findBackendFactory('wasm');
    if (factory === null) throw new Error('the Node loader registers the wasm backend');
    tf.removeBackend('wasm');
    try {
      expect(await switchCpuToWasm(tf)).toBe(false);
      const borrowed = await enterFeatureBackend(tf);
      expect(borrowed.name).toBe('cpu');
      expect(tf.getBackend()).toBe('cpu');
    } finally {
      tf.registerBackend('wasm', factory, 2);
    }
  });
});
