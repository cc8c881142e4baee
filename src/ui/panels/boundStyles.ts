import type { SeparationBounds } from '../../core/bounds/index.ts';

/** The bounds as the panels and charts show them: one colour and one name each, everywhere. */
export interface BoundStyle {
  readonly key: 'rankin' | 'orthoplex' | 'levenshtein' | 'gilbertVarshamov';
  readonly testId: string;
  readonly label: string;
  readonly short: string;
  readonly colour: string;
  readonly dash: string;
  /** Lower: no codebook does better. Achievable: some binary code does at least this well. */
  readonly kind: 'lower' | 'achievable';
}

export const BOUND_STYLES: readonly BoundStyle[] = [
  {
    key: 'rankin',
    testId: 'bound-rankin',
    label: 'Rankin simplex',
    short: 'simplex',
    colour: '#3ddc97',
    dash: '6 4',
    kind: 'lower',
  },
  {
    key: 'orthoplex',
    testId: 'bound-orthoplex',
    label: 'Rankin orthoplex',
    short: 'orthoplex',
    colour: '#ffb86b',
    dash: '2 3',
    kind: 'lower',
  },
  {
    key: 'levenshtein',
    testId: 'bound-levenshtein',
    label: 'Levenshtein',
    short: 'Levenshtein',
    colour: '#ff79c6',
    dash: '8 3 2 3',
    kind: 'lower',
  },
  {
    key: 'gilbertVarshamov',
    testId: 'bound-gv',
    label: 'Gilbert-Varshamov',
    short: 'GV',
    colour: '#8be9fd',
    dash: '1 4',
    kind: 'achievable',
  },
];

export function boundValue(bounds: SeparationBounds, key: BoundStyle['key']): number | null {
  return bounds[key];
}
