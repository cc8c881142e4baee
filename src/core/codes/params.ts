/**
 * Parameter declarations shared by the code-based methods (rm, bch): one declaration drives the
 * CLI flag, the UI control and the URL key.
 */
import type { ChoiceParam } from '../methods/types.ts';
import { SELECTION_RULES } from './select.ts';

export const selectionParam: ChoiceParam = {
  kind: 'choice',
  name: 'selection',
  flag: 'selection',
  label: 'Codeword selection',
  description:
    "Which N of the 2^k codewords become prototypes: 'first' = messages 0..N-1 (the papers' choice), 'random' = seeded random distinct messages, 'greedy' = farthest-point selection maximising the minimum Hamming distance.",
  options: SELECTION_RULES,
  default: 'first',
};

export function fitParam(
  options: readonly string[],
  defaultFit: string,
  description: string,
): ChoiceParam {
  return {
    kind: 'choice',
    name: 'fit',
    flag: 'fit',
    label: 'Fit to n',
    description,
    options,
    default: defaultFit,
  };
}
