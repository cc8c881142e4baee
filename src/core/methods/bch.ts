import { buildCodePrototypes } from '../codes/build.ts';
import { fitParam, selectionParam } from '../codes/params.ts';
import type { FitMode } from '../codes/plan.ts';
import { BCH_FITS, planBch } from '../codes/plan.ts';
import type { SelectionRule } from '../codes/select.ts';
import { choiceParam } from './params.ts';
import type { PrototypeMethod } from './types.ts';

/**
 * Narrow-sense primitive binary BCH codes of length 2^m - 1 mapped to the sphere by gamma, as in
 * Lindström et al. 2024: the smallest k >= ceil(log2 N), the code padded with zeros to n (their
 * table's "BCH (n-1)"), class c = codeword of message c. Shortened codes fit n better.
 */
export const bchMethod: PrototypeMethod = {
  id: 'bch',
  label: 'BCH code',
  citation:
    'Lindström, Thobaben, Skoglund, A Coding-Theoretic Analysis of Hyperspherical Prototypical Learning Geometry, GRaM 2024',
  description:
    'Codewords of a BCH code of length 2^m - 1 with the smallest dimension k >= log2 N, each bit mapped to +-1/sqrt(L): cosines are 1 - 2 (Hamming distance) / L.',
  params: [
    fitParam(
      BCH_FITS,
      'pad',
      "How the code meets n: 'pad' uses the longest BCH code with 2^m - 1 <= n and zeros after (the papers' choice); 'exact' needs n = 2^m - 1; 'extend' adds a parity bit (length 2^m); 'puncture' deletes coordinates of the next longer code; 'shorten' deletes coordinates (and messages) of the code with the best guaranteed separation that then fits.",
    ),
    selectionParam,
  ],
  feasibility(N, n, params) {
    const plan = planBch(N, n, choiceParam(params, 'fit') as FitMode);
    return typeof plan === 'string' ? plan : null;
  },
  run({ N, n, seed, params, onProgress }) {
    const built = buildCodePrototypes({
      family: 'bch',
      N,
      n,
      fit: choiceParam(params, 'fit') as FitMode,
      selection: choiceParam(params, 'selection') as SelectionRule,
      seed,
    });
    if (typeof built === 'string')
      throw new RangeError(`bch cannot run at N = ${N}, n = ${n}: ${built}`);
    onProgress?.(1);
    return { codebook: built.codebook, binary: built.binary, code: built.code };
  },
};
