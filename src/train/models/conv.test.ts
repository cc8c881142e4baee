import type * as TF from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeTf } from '../node/nodeTf.ts';
import { conv3x3For, filterGradient } from './conv.ts';

let tf: typeof TF;
// Loading tfjs takes seconds on a busy machine.
beforeAll(async () => {
  tf = await loadNodeTf();
}, 120_000);

describe('conv3x3For', { timeout: 60_000 }, () => {
  it('filterGradient is sum over b, y, x of the padded input times the output gradient', () => {
    // x: 1 image 2 x 2, one channel, values 1 2 / 3 4; dy: all ones, one output channel.
    // W[i][j] sums the padded input over the 2 x 2 window at offset (i, j).
    const g = tf.tidy(() =>
      Array.from(
        filterGradient(
          tf,
          tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]),
          tf.ones([1, 2, 2, 1]),
        ).dataSync(),
      ),
    );
    // Padded: 0 0 0 0 / 0 1 2 0 / 0 3 4 0 / 0 0 0 0.
    // W[0][0] = 0+0+0+1, W[0][1] = 0+0+1+2, ..., W[1][1] = 1+2+3+4, ..., W[2][2] = 4+0+0+0.
    expect(g).toEqual([1, 3, 2, 4, 10, 6, 3, 7, 4]);
  });

  it('gives the same value and gradients as the built-in convolution', () => {
    const fast = conv3x3For(tf, true);
    const plain = conv3x3For(tf, false);
    const before = tf.memory().numTensors;
    const [diffs, scale] = tf.tidy(() => {
      const x = tf.randomNormal([2, 5, 4, 3], 0, 1, 'float32', 1) as TF.Tensor4D;
      const w = tf.randomNormal([3, 3, 3, 4], 0, 1, 'float32', 2) as TF.Tensor4D;
      // A loss that weights outputs unevenly, so every gradient entry is exercised.
      const loss = (conv: typeof fast) => (a: TF.Tensor, b: TF.Tensor) =>
        tf.sum(tf.square(conv(a as TF.Tensor4D, b as TF.Tensor4D)));
      const [dxA, dwA] = tf.grads(loss(fast))([x, w]);
      const [dxB, dwB] = tf.grads(loss(plain))([x, w]);
      const max = (t: TF.Tensor) => tf.max(tf.abs(t)).dataSync()[0];
      return [
        [max(tf.sub(fast(x, w), plain(x, w))), max(tf.sub(dxA, dxB)), max(tf.sub(dwA, dwB))],
        max(dwB),
      ];
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(diffs[0]).toBeLessThan(1e-5);
    expect(diffs[1]).toBeLessThan(1e-4 * scale);
    expect(diffs[2]).toBeLessThan(1e-5 * scale);
  });

  it('trains on the WebAssembly backend, which has no filter gradient of its own, as on the cpu', async () => {
    const data = (seed: number, shape: number[]) =>
      tf.tidy(() => tf.randomNormal(shape, 0, 1, 'float32', seed).dataSync() as Float32Array);
    const xs = data(3, [2, 6, 5, 3]);
    const ws = data(4, [3, 3, 3, 2]);
    /** The loss's value and gradients with the backend's own choice of convolution. */
    const run = () =>
      tf.tidy(() => {
        const conv = conv3x3For(tf);
        const x = tf.tensor4d(xs, [2, 6, 5, 3]);
        const w = tf.tensor4d(ws, [3, 3, 3, 2]);
        const loss = (a: TF.Tensor, b: TF.Tensor) =>
          tf.sum(tf.square(conv(a as TF.Tensor4D, b as TF.Tensor4D)));
        const { value, grads } = tf.valueAndGrads(loss)([x, w]);
        return [value, ...grads].map((t) => Array.from(t.dataSync()));
      });
    const onCpu = run();
    await tf.setBackend('wasm');
    try {
      expect(() =>
        tf.grads((w: TF.Tensor) =>
          tf.sum(tf.conv2d(tf.ones([1, 3, 3, 1]) as TF.Tensor4D, w as TF.Tensor4D, 1, 'same')),
        )([tf.ones([3, 3, 1, 1])]),
      ).toThrow(/Conv2DBackpropFilter/);
      const onWasm = run();
      onWasm.forEach((values, i) => {
        const scale = Math.max(...onCpu[i].map(Math.abs));
        values.forEach((v, j) => {
          expect(Math.abs(v - onCpu[i][j])).toBeLessThan(1e-5 * scale);
        });
      });
    } finally {
      await tf.setBackend('cpu');
    }
  });
});
