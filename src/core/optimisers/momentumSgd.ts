import { normaliseRows } from '../math/codebook.ts';

/**
 * Projected SGD with heavy-ball momentum exactly as torch.optim.SGD does it (dampening 0,
 * no Nesterov): buf <- mu buf + grad (buf = grad on the first step), x <- x - lr buf, then
 * every row is projected back onto the sphere. The buffer survives the projection, as in the
 * coding-theory authors' runs. With fresh = true the buffer is reset every step, which is what
 * Mettes et al.'s original script does by rebuilding its optimiser (so momentum never acts).
 */
export interface MomentumSgd {
  step(data: Float64Array, grad: Float64Array): void;
}

export function createMomentumSgd(
  N: number,
  n: number,
  lr: number,
  momentum: number,
  fresh = false,
): MomentumSgd {
  const buffer = new Float64Array(N * n);
  let first = true;
  return {
    step(data, grad) {
      if (first || fresh || momentum === 0) {
        buffer.set(grad);
        first = false;
      } else {
        for (let i = 0; i < buffer.length; i++) buffer[i] = momentum * buffer[i] + grad[i];
      }
      for (let i = 0; i < data.length; i++) data[i] -= lr * buffer[i];
      normaliseRows(data, N, n);
    },
  };
}
