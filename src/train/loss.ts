/**
 * The prototype head's losses. `out` is the encoder's raw output f(x) (batch x n); `classProtos`
 * holds class k's prototype in row k (K x n, unit rows), so logits index classes directly.
 */
import type * as TF from '@tensorflow/tfjs-core';
import type { LossKind } from './types.ts';

/** Keeps the gradient of f/|f| finite when f is exactly zero. */
const NORM_EPS = 1e-12;

/** z = f/|f| row by row. */
export function normaliseRows(tf: typeof TF, out: TF.Tensor2D): TF.Tensor2D {
  return tf.tidy(() =>
    tf.div(out, tf.sqrt(tf.add(tf.sum(tf.square(out), 1, true), NORM_EPS))),
  ) as TF.Tensor2D;
}

/**
 * Class scores: <z, c_k>/tau for `softmax`, <f, c_k> for `unnormalised`, <z, c_k> for `mettes`
 * (its loss has no logits; the cosine is what decoding uses).
 */
export function prototypeLogits(
  tf: typeof TF,
  out: TF.Tensor2D,
  classProtos: TF.Tensor2D,
  kind: LossKind,
  tau: number,
): TF.Tensor2D {
  return tf.tidy(() => {
    if (kind === 'unnormalised') return tf.matMul(out, classProtos, false, true);
    const cos = tf.matMul(normaliseRows(tf, out), classProtos, false, true);
    return kind === 'softmax' ? tf.div(cos, tau) : cos;
  }) as TF.Tensor2D;
}

/**
 * Mean loss over the batch. `oneHot` is batch x K (class of each image).
 * softmax / unnormalised: cross-entropy logsumexp(logits) - logit_y.
 * mettes: (1 - cos(f, c_y))^2.
 */
export function prototypeLoss(
  tf: typeof TF,
  out: TF.Tensor2D,
  classProtos: TF.Tensor2D,
  oneHot: TF.Tensor2D,
  kind: LossKind,
  tau: number,
): TF.Scalar {
  return tf.tidy(() => {
    const logits = prototypeLogits(tf, out, classProtos, kind, tau);
    const target = tf.sum(tf.mul(logits, oneHot), 1);
    if (kind === 'mettes') return tf.mean(tf.square(tf.sub(1, target)));
    return tf.mean(tf.sub(tf.logSumExp(logits, 1), target));
  }) as TF.Scalar;
}
