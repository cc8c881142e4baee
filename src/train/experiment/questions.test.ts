import { describe, expect, it } from 'vitest';
import { planRuns } from './plan.ts';
import { canRun, labellingQuestion, separationQuestion } from './questions.ts';

describe('the talk’s questions as experiments', () => {
  it('separation: one method of each kind that can run at (N, n), two seeds each, identity', () => {
    // 10 classes in R^16: one-hot fits (N <= n), and so does a Reed-Muller code.
    const wide = separationQuestion(10, 16);
    expect(wide.methods).toEqual(['random', 'onehot', 'mettes', 'lse', 'rm', 'best']);
    // In R^3 neither one-hot, the cross-polytope (N <= 2n), the simplex (N <= n + 1) nor a code fits.
    const narrow = separationQuestion(10, 3);
    expect(narrow.methods).toEqual(['random', 'mettes', 'lse', 'best']);
    expect(narrow.methods.every((m) => canRun(m, 10, 3))).toBe(true);
    // 8 classes in R^4: no one-hot (N > n), but the cross-polytope (N = 2n).
    expect(separationQuestion(8, 4).methods[1]).toBe('orthoplex');
    expect(planRuns(wide)).toHaveLength(2 * wide.methods.length);
    expect(wide.labellings).toEqual(['identity']);
    expect(wide.config).toMatchObject({ epochs: 10, hiddenUnits: 0, mode: 'fast' });
    // On S^2 a linear head cannot answer as the full model does: the hidden layer stays.
    expect(narrow.config).toMatchObject({ epochs: 10, hiddenUnits: 128 });
  });

  it('labelling: dataset order, random and Hungarian, a learned one for few classes, three seeds', () => {
    const hundred = labellingQuestion('rm', 100, 64);
    expect(hundred.labellings).toEqual(['identity', 'random', 'hungarian']);
    expect(planRuns(hundred)).toHaveLength(9);
    expect(labellingQuestion('kasarla', 3, 3).labellings).toEqual([
      'identity',
      'random',
      'hungarian',
      'sinkhorn',
    ]);
  });
});
