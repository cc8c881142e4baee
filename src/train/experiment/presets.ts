/**
 * Experiments that reproduce the talk (Lindström, Thobaben, Skoglund 2026):
 * - relabelling: CIFAR-100 in its alphabetical order with first-order RM codes in the authors'
 *   codeword order, so neighbours such as leopard (42) and lion (43) sit on opposite poles;
 *   identity against random and optimised labellings, with a linear head (where the labelling
 *   matters most);
 * - separation sweep: many prototype methods at a fixed n, identity labelling.
 */

import { DEFAULT_LABELLING_OPTIONS } from '../labellings/options.ts';
import { DEFAULT_TRAIN_CONFIG } from '../types.ts';
import type { ExperimentSpec } from './types.ts';

export interface ExperimentPreset {
  readonly id: string;
  readonly title: string;
  /** What to load first. */
  readonly needs: string;
  readonly spec: ExperimentSpec;
}

export const PRESETS: readonly ExperimentPreset[] = [
  {
    id: 'talk-relabelling',
    title: 'Talk: RM codes in alphabetical order, with and without relabelling',
    needs: 'CIFAR-100 (all 100 classes, alphabetical)',
    spec: {
      title: 'RM(1,6) on CIFAR-100: identity vs relabelled',
      n: 64,
      methods: ['rm'],
      labellings: ['identity', 'random', 'hungarian', 'structure', 'sinkhorn'],
      seeds: 3,
      config: { ...DEFAULT_TRAIN_CONFIG, mode: 'fast', epochs: 20, hiddenUnits: 0 },
      labelling: DEFAULT_LABELLING_OPTIONS,
    },
  },
  {
    id: 'separation-sweep',
    title: 'Separation sweep across methods at fixed n (CIFAR-10, N = 10, n = 16)',
    needs: 'CIFAR-10 (10 classes)',
    spec: {
      title: 'Accuracy vs separation, N = 10, n = 16',
      n: 16,
      methods: ['random', 'onehot', 'orthoplex', 'kasarla', 'mettes', 'lse', 'rm', 'bch'],
      labellings: ['identity'],
      seeds: 3,
      config: { ...DEFAULT_TRAIN_CONFIG, mode: 'fast', epochs: 10 },
      labelling: DEFAULT_LABELLING_OPTIONS,
    },
  },
];
