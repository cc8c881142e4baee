import { gramInto, weightedSumInto } from './gram.ts';

/**
 * The log-sum-exp relaxation of problem (P): LSE_t(C) = (1/t) log sum_{i<j} exp(t <c_i, c_j>).
 * max <= LSE_t <= max + log(#pairs)/t, so it approaches the max cosine as t grows.
 * The max is subtracted inside the exp for stability. The gradient with respect to c_i is
 * sum_{j != i} w_ij c_j with softmax weights w_ij = exp(t g_ij - t max) / Z over the pairs.
 * Returns LSE_t and writes the gradient into `grad`; `weights` is N x N scratch.
 */
export function lseLossAndGradient(
  data: Float64Array,
  N: number,
  n: number,
  t: number,
  gram: Float64Array,
  weights: Float64Array,
  grad: Float64Array,
): number {
  gramInto(data, N, n, gram);
  let max = -Infinity;
  for (let i = 0; i < N; i++) {
    for (let j = i + 1; j < N; j++) {
      const g = gram[i * N + j];
      if (g > max) max = g;
    }
  }
  let z = 0;
  for (let i = 0; i < N; i++) {
    weights[i * N + i] = 0;
    for (let j = i + 1; j < N; j++) {
      const w = Math.exp(t * (gram[i * N + j] - max));
      weights[i * N + j] = w;
      weights[j * N + i] = w;
      z += w;
    }
  }
  const inv = 1 / z;
  for (let i = 0; i < weights.length; i++) weights[i] *= inv;
  weightedSumInto(weights, data, N, n, grad);
  return max + Math.log(z) / t;
}
