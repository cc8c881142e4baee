import { createCodebook, gaussianRows } from '../math/codebook.ts';
import { createRandom } from '../math/random.ts';
import { hpnLossAndGradient } from '../optimisers/hpnLoss.ts';
import { createMomentumSgd } from '../optimisers/momentumSgd.ts';
import { booleanParam, numberParam, stepsParam } from './params.ts';
import type { PrototypeMethod } from './types.ts';

/** How often (in steps) optimisers report progress and poll for a stop. */
export const PROGRESS_EVERY = 10;

export const mettesMethod: PrototypeMethod = {
  id: 'mettes',
  label: 'HPN (Mettes)',
  citation: 'Mettes, van der Pol, Snoek, Hyperspherical Prototype Networks, NeurIPS 2019',
  description:
    'Gradient descent on the mean over prototypes of their largest cosine to another prototype, re-normalising after every step.',
  params: [
    stepsParam(1000),
    {
      kind: 'number',
      name: 'lr',
      flag: 'lr',
      label: 'Learning rate',
      description: 'SGD learning rate.',
      default: 0.1,
      min: 1e-6,
      max: 100,
    },
    {
      kind: 'number',
      name: 'momentum',
      flag: 'momentum',
      label: 'Momentum',
      description:
        'SGD momentum, kept across the re-normalisations (the coding-theory authors\u2019 runs).',
      default: 0.9,
      min: 0,
      max: 0.999,
    },
    {
      kind: 'boolean',
      name: 'noMomentum',
      flag: 'no-momentum',
      label: 'Original (no momentum)',
      description:
        'Rebuild the optimiser every step as Mettes et al.\u2019s script does, so momentum never acts.',
      default: false,
    },
  ],
  feasibility: () => null,
  run({ N, n, seed, params, onProgress, shouldStop }) {
    const steps = numberParam(params, 'steps');
    const random = createRandom(seed);
    const data = gaussianRows(N, n, random.normal);
    const gram = new Float64Array(N * N);
    const grad = new Float64Array(N * n);
    const sgd = createMomentumSgd(
      N,
      n,
      numberParam(params, 'lr'),
      numberParam(params, 'momentum'),
      booleanParam(params, 'noMomentum'),
    );
    let done = 0;
    for (; done < steps; done++) {
      if (done % PROGRESS_EVERY === 0) {
        onProgress?.(done / steps);
        if (shouldStop?.()) break;
      }
      hpnLossAndGradient(data, N, n, gram, grad);
      sgd.step(data, grad);
    }
    onProgress?.(1);
    return { codebook: createCodebook(N, n, data), steps: done };
  },
};
