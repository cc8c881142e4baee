import { createCodebook, gaussianRows } from '../math/codebook.ts';
import { createRandom } from '../math/random.ts';
import { maxOffDiagonal } from '../optimisers/gram.ts';
import { createMomentumSgd } from '../optimisers/momentumSgd.ts';
import type { MethodRun } from './stepper.ts';

export interface GaussianSgdOptions {
  readonly N: number;
  readonly n: number;
  readonly seed: number;
  readonly totalSteps: number;
  readonly lr: number;
  readonly momentum: number;
  /** Reset the momentum buffer every step (Mettes et al.'s original script). */
  readonly freshMomentum?: boolean;
  /**
   * Objective and gradient at the current prototypes: writes the gradient into `grad` and the
   * N x N Gram matrix into `gram` (used for the max cosine), returns the objective.
   */
  lossAndGradient(step: number, data: Float64Array, gram: Float64Array, grad: Float64Array): number;
}

/**
 * The published optimisers share one shape: a seeded Gaussian start projected onto the sphere,
 * then projected SGD with momentum on some loss. This is that shape as a step-wise run.
 */
export function startGaussianSgd(options: GaussianSgdOptions): MethodRun {
  const { N, n, totalSteps } = options;
  const data = gaussianRows(N, n, createRandom(options.seed).normal);
  const gram = new Float64Array(N * N);
  const grad = new Float64Array(N * n);
  const sgd = createMomentumSgd(N, n, options.lr, options.momentum, options.freshMomentum);
  let stepsDone = 0;
  let objective = Number.NaN;
  let maxCosine = Number.NaN;
  return {
    totalSteps,
    get stepsDone() {
      return stepsDone;
    },
    advance(count) {
      const end = Math.min(totalSteps, stepsDone + count);
      const start = stepsDone;
      for (; stepsDone < end; stepsDone++) {
        objective = options.lossAndGradient(stepsDone, data, gram, grad);
        sgd.step(data, grad);
      }
      if (end > start) maxCosine = maxOffDiagonal(gram, N);
      return end - start;
    },
    current: () => data,
    status: () => ({ objective, maxCosine }),
    finish: () => ({ codebook: createCodebook(N, n, data.slice()), steps: stepsDone }),
  };
}
