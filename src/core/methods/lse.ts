import { lseLossAndGradient } from '../optimisers/lseLoss.ts';
import { startGaussianSgd } from './gaussianSgdRun.ts';
import { budgetParam, numberParam, stepsParam } from './params.ts';
import type { MethodRun } from './stepper.ts';
import { runToEnd } from './stepper.ts';
import type { MethodInput, ParamValues, PrototypeMethod } from './types.ts';

/**
 * The temperature at a step: linear from tStart to tEnd over the run. With the defaults
 * (tStart 1, tEnd N+1, 1000 steps) this is the authors' schedule t = 1 + N * step / 1000; with
 * more steps the schedule is stretched to the run.
 */
export function lseTemperature(step: number, steps: number, tStart: number, tEnd: number): number {
  return tStart + ((tEnd - tStart) * step) / steps;
}

/** tEnd = 0 means "automatic": N + tStart, the authors' end point. */
export function resolveTEnd(N: number, params: ParamValues): number {
  const tEnd = numberParam(params, 'tEnd');
  return tEnd > 0 ? tEnd : numberParam(params, 'tStart') + N;
}

function startLse({ N, n, seed, params }: MethodInput): MethodRun {
  const totalSteps = numberParam(params, 'steps');
  const tStart = numberParam(params, 'tStart');
  const tEnd = resolveTEnd(N, params);
  const weights = new Float64Array(N * N);
  return startGaussianSgd({
    N,
    n,
    seed,
    totalSteps,
    lr: numberParam(params, 'lr'),
    momentum: numberParam(params, 'momentum'),
    lossAndGradient: (step, data, gram, grad) =>
      lseLossAndGradient(
        data,
        N,
        n,
        lseTemperature(step, totalSteps, tStart, tEnd),
        gram,
        weights,
        grad,
      ),
  });
}

export const lseMethod: PrototypeMethod = {
  id: 'lse',
  label: 'Log-sum-exp (P_LSE)',
  citation:
    'Lindstr\u00f6m, Thobaben, Skoglund, A Coding-Theoretic Analysis of Hyperspherical Prototypical Learning Geometry, GRaM 2024',
  description:
    'Projected gradient descent on a smooth log-sum-exp relaxation of the max cosine, sharpened as the temperature t rises. The authors\u2019 step size suits their N = 100-1000 runs; in very low dimensions it can leave pairs of points stuck together (try lr 0.05 at N = 12, n = 3).',
  params: [
    stepsParam(1000),
    budgetParam,
    {
      kind: 'number',
      name: 'lr',
      flag: 'lr',
      label: 'Learning rate',
      description: 'SGD learning rate.',
      default: 0.2,
      min: 1e-6,
      max: 100,
    },
    {
      kind: 'number',
      name: 'momentum',
      flag: 'momentum',
      label: 'Momentum',
      description: 'SGD momentum; the buffer is kept across projections onto the sphere.',
      default: 0.9,
      min: 0,
      max: 0.999,
    },
    {
      kind: 'number',
      name: 'tStart',
      flag: 't-start',
      label: 'Start temperature',
      description: 'Temperature t at the first step.',
      default: 1,
      min: 1e-3,
      max: 1e6,
    },
    {
      kind: 'number',
      name: 'tEnd',
      flag: 't-end',
      label: 'End temperature',
      description:
        'Temperature t at the last step; 0 means N + t-start (the authors\u2019 schedule).',
      default: 0,
      min: 0,
      max: 1e6,
    },
  ],
  feasibility: () => null,
  start: startLse,
  run: (input) => runToEnd(startLse(input), input),
};
