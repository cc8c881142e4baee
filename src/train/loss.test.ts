import type * as TF from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { normaliseRows, prototypeLogits, prototypeLoss } from './loss.ts';
import { loadNodeTf } from './node/nodeTf.ts';
import type { LossKind } from './types.ts';

let tf: typeof TF;
// Loading tfjs takes seconds on a busy machine.
beforeAll(async () => {
  tf = await loadNodeTf();
}, 120_000);

// Two samples, three unit prototypes in R^2, classes 0 and 2.
const F = [
  [1, 2],
  [-3, 0.5],
];
const S = Math.SQRT1_2;
const C = [
  [1, 0],
  [0, 1],
  [-S, -S],
];
const Y = [0, 2];
const TAU = 0.5;

const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);
const norm = (a: number[]) => Math.sqrt(dot(a, a));
const softmax = (v: number[]) => {
  const m = Math.max(...v);
  const e = v.map((x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
};

/** Closed forms in float64: the loss and dL/df for each sample. */
function closedForm(kind: LossKind): { loss: number; grad: number[][] } {
  const B = F.length;
  let loss = 0;
  const grad: number[][] = [];
  F.forEach((f, b) => {
    const r = norm(f);
    const z = f.map((x) => x / r);
    const y = Y[b];
    // dL/dz (or dL/df for the unnormalised loss), per sample, already divided by B.
    let dz: number[];
    if (kind === 'mettes') {
      const cos = dot(z, C[y]);
      loss += (1 - cos) ** 2 / B;
      dz = C[y].map((c) => (-2 * (1 - cos) * c) / B);
    } else {
      const v = kind === 'softmax' ? z : f;
      const scale = kind === 'softmax' ? 1 / TAU : 1;
      const logits = C.map((c) => dot(v, c) * scale);
      const p = softmax(logits);
      loss += (Math.log(logits.reduce((s, l) => s + Math.exp(l), 0)) - logits[y]) / B;
      // softmax(p) - onehot, mapped back through the logits' linear map.
      dz = [0, 1].map(
        (j) => (scale / B) * C.reduce((s, c, i) => s + (p[i] - (i === y ? 1 : 0)) * c[j], 0),
      );
    }
    if (kind === 'unnormalised') {
      grad.push(dz);
    } else {
      // Through normalisation: dz/df = (I - z z^T) / |f|.
      const zdz = dot(z, dz);
      grad.push(dz.map((g, j) => (g - z[j] * zdz) / r));
    }
  });
  return { loss, grad };
}

describe('prototype losses', { timeout: 120_000 }, () => {
  it('softmax with tau = 1 at f = (1, 0) is log(1 + e^-1 + e^-2) by hand', () => {
    const value = tf.tidy(
      () =>
        prototypeLoss(
          tf,
          tf.tensor2d([[1, 0]]),
          tf.tensor2d([
            [1, 0],
            [0, 1],
            [-1, 0],
          ]),
          tf.tensor2d([[1, 0, 0]]),
          'softmax',
          1,
        ).dataSync()[0],
    );
    // logits 1, 0, -1 with target 1: log(e + 1 + 1/e) - 1.
    expect(value).toBeCloseTo(0.40760596, 6);
  });

  it('mettes at f orthogonal to its prototype is (1 - 0)^2 = 1', () => {
    const value = tf.tidy(
      () =>
        prototypeLoss(
          tf,
          tf.tensor2d([[0, 5]]),
          tf.tensor2d([
            [1, 0],
            [0, 1],
          ]),
          tf.tensor2d([[1, 0]]),
          'mettes',
          0.1,
        ).dataSync()[0],
    );
    expect(value).toBeCloseTo(1, 6);
  });

  for (const kind of ['softmax', 'unnormalised', 'mettes'] as const) {
    it(`${kind}: loss and tf.grad match the closed form`, () => {
      const expected = closedForm(kind);
      const before = tf.memory().numTensors;
      const { loss, grad } = tf.tidy(() => {
        const protos = tf.tensor2d(C);
        const oneHot = tf.cast(tf.oneHot(tf.tensor1d(Y, 'int32'), 3), 'float32') as TF.Tensor2D;
        const f = tf.tensor2d(F);
        const g = tf.grad((x: TF.Tensor) =>
          prototypeLoss(tf, x as TF.Tensor2D, protos, oneHot, kind, TAU),
        )(f);
        return {
          loss: prototypeLoss(tf, f, protos, oneHot, kind, TAU).dataSync()[0],
          grad: g.arraySync() as number[][],
        };
      });
      expect(tf.memory().numTensors).toBe(before);
      expect(loss).toBeCloseTo(expected.loss, 5);
      for (let b = 0; b < 2; b++) {
        for (let j = 0; j < 2; j++) expect(grad[b][j]).toBeCloseTo(expected.grad[b][j], 5);
      }
    });
  }

  it('logits: <z, c>/tau, <f, c> unnormalised, and z has unit rows', () => {
    const [soft, raw, z] = tf.tidy(() => {
      const f = tf.tensor2d([[3, 4]]);
      const protos = tf.tensor2d([[1, 0]]);
      return [
        prototypeLogits(tf, f, protos, 'softmax', 0.1).dataSync()[0],
        prototypeLogits(tf, f, protos, 'unnormalised', 0.1).dataSync()[0],
        Array.from(normaliseRows(tf, f).dataSync()),
      ];
    });
    expect(soft).toBeCloseTo(6, 5); // (3/5) / 0.1
    expect(raw).toBeCloseTo(3, 6);
    expect(z[0]).toBeCloseTo(0.6, 6);
    expect(z[1]).toBeCloseTo(0.8, 6);
  });
});
