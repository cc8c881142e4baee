import { buildCodePrototypes } from '../codes/build.ts';
import { fitParam, selectionParam } from '../codes/params.ts';
import type { FitMode } from '../codes/plan.ts';
import { planReedMuller, RM_FITS } from '../codes/plan.ts';
import type { SelectionRule } from '../codes/select.ts';
import { choiceParam, numberParam } from './params.ts';
import type { PrototypeMethod } from './types.ts';

/**
 * Reed-Muller codes RM(r, m) mapped to the sphere by gamma (bit b -> (2b - 1)/sqrt(L)), as in
 * Lindström et al. 2024: n = 2^m, the smallest r with 2^k >= N, class c = codeword of message c.
 * Max cosine is 1 - 2 d / L with d the minimum distance among the selected words; first order
 * (r = 1) gives exactly 0 for n + 2 <= N <= 2n, the orthoplex bound.
 */
export const rmMethod: PrototypeMethod = {
  id: 'rm',
  label: 'Reed-Muller code',
  citation:
    'Lindström, Thobaben, Skoglund, A Coding-Theoretic Analysis of Hyperspherical Prototypical Learning Geometry, GRaM 2024',
  description:
    'Codewords of a Reed-Muller code RM(r, m) of length 2^m, each bit mapped to +-1/sqrt(L): cosines are 1 - 2 (Hamming distance) / L, and first-order RM reaches max cosine 0.',
  params: [
    fitParam(
      RM_FITS,
      'exact',
      "How the code meets n: 'exact' needs n = 2^m; 'pad' uses the longest RM code with 2^m <= n and zeros after; 'puncture' deletes coordinates of the next longer code; 'shorten' deletes coordinates (and messages) of the best code that then fits.",
    ),
    selectionParam,
    {
      kind: 'number',
      name: 'order',
      flag: 'order',
      label: 'Order r',
      description:
        'The order r of RM(r, m) (degree of the polynomials); 0 = automatic: the smallest r with 2^k >= N.',
      default: 0,
      min: 0,
      max: 16,
      integer: true,
    },
  ],
  feasibility(N, n, params) {
    const plan = planReedMuller(
      N,
      n,
      choiceParam(params, 'fit') as FitMode,
      numberParam(params, 'order'),
    );
    return typeof plan === 'string' ? plan : null;
  },
  run({ N, n, seed, params, onProgress }) {
    const built = buildCodePrototypes({
      family: 'rm',
      N,
      n,
      fit: choiceParam(params, 'fit') as FitMode,
      selection: choiceParam(params, 'selection') as SelectionRule,
      order: numberParam(params, 'order'),
      seed,
    });
    if (typeof built === 'string')
      throw new RangeError(`rm cannot run at N = ${N}, n = ${n}: ${built}`);
    onProgress?.(1);
    return { codebook: built.codebook, binary: built.binary, code: built.code };
  },
};
