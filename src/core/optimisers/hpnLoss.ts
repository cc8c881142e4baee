import { gramInto } from './gram.ts';

/**
 * Mettes et al. 2019 (Hyperspherical Prototype Networks): loss = mean_i max_{j != i} (1 + <c_i, c_j>).
 * The gradient of row i's term flows to c_i (as c_{j*}/N) and to its nearest c_{j*} (as c_i/N),
 * exactly what autograd gives for their PyTorch code. Ties go to the smallest j, like torch.max.
 * Returns the loss and writes the gradient into `grad`.
 */
export function hpnLossAndGradient(
  data: Float64Array,
  N: number,
  n: number,
  gram: Float64Array,
  grad: Float64Array,
): number {
  gramInto(data, N, n, gram);
  grad.fill(0);
  let loss = 0;
  const scale = 1 / N;
  for (let i = 0; i < N; i++) {
    let best = -Infinity;
    let arg = -1;
    const row = i * N;
    for (let j = 0; j < N; j++) {
      if (j === i) continue;
      const g = gram[row + j];
      if (g > best) {
        best = g;
        arg = j;
      }
    }
    loss += 1 + best;
    const oi = i * n;
    const oj = arg * n;
    for (let k = 0; k < n; k++) {
      grad[oi + k] += scale * data[oj + k];
      grad[oj + k] += scale * data[oi + k];
    }
  }
  return loss * scale;
}
