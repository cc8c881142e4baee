import type * as TF from '@tensorflow/tfjs-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadNodeTf } from './node/nodeTf.ts';
import { switchCpuToWasm } from './wasmOnCpu.ts';

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

  it('stays on the cpu when no WebAssembly backend is registered', async () => {
    const factory = tf.findBackendFactory('wasm');
    if (factory === null) throw new Error('the Node loader registers the wasm backend');
    tf.removeBackend('wasm');
    try {
      expect(await switchCpuToWasm(tf)).toBe(false);
      expect(tf.getBackend()).toBe('cpu');
    } finally {
      tf.registerBackend('wasm', factory, 2);
    }
  });
});
