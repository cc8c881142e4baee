import { hpnLossAndGradient } from '../optimisers/hpnLoss.ts';
import { startGaussianSgd } from './gaussianSgdRun.ts';
import { booleanParam, budgetParam, numberParam, stepsParam } from './params.ts';
import type { MethodRun } from './stepper.ts';
import { runToEnd } from './stepper.ts';
import type { MethodInput, PrototypeMethod } from './types.ts';

function startMettes({ N, n, seed, params }: MethodInput): MethodRun {
  return startGaussianSgd({
    N,
    n,
    seed,
    totalSteps: numberParam(params, 'steps'),
    lr: numberParam(params, 'lr'),
    momentum: numberParam(params, 'momentum'),
    freshMomentum: booleanParam(params, 'noMomentum'),
    lossAndGradient: (_, data, gram, grad) => hpnLossAndGradient(data, N, n, gram, grad),
  });
}

export const mettesMethod: PrototypeMethod = {
  id: 'mettes',
  label: 'HPN (Mettes)',
  citation: 'Mettes, van der Pol, Snoek, Hyperspherical Prototype Networks, NeurIPS 2019',
  description:
    'Gradient descent on the mean over prototypes of their largest cosine to another prototype, re-normalising after every step.',
  params: [
    stepsParam(1000),
    budgetParam,
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
  start: startMettes,
  run: (input) => runToEnd(startMettes(input), input),
};
