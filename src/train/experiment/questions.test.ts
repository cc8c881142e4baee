import { describe, expect, it } from 'vitest';
import { planRuns } from './plan.ts';
import { canRun, labellingQuestion, separationQuestion } from './questions.ts';

describe('the talk’s questions as experiments', () => {
  it('separation: the methods that can run at (N, n), two seeds each, identity labelling', () => {
    // 10 classes in R^16: one-hot (N <= n), the cross-polytope (N <= 2n) and the simplex
    // (N <= n + 1) all fit; in R^3 they do not.
    const wide = separationQuestion(10, 16);
    expect(wide.methods).toEqual([
      'random',
      'onehot',
      'orthoplex',
      'kasarla',
      'mettes',
      'lse',
      'rm',
      'bch',
      'best',
    ]);
    const narrow = separationQuestion(10, 3);
    expect(narrow.methods).not.toContain('onehot');
    expect(narrow.methods).not.toContain('kasarla');
    expect(narrow.methods).toContain('random');
    expect(narrow.methods).toContain('best');
    expect(narrow.methods.every((m) => canRun(m, 10, 3))).toBe(true);
    expect(planRuns(wide)).toHaveLength(2 * wide.methods.length);
    expect(wide.config.epochs).toBe(10);
  });

  it('labelling: one method under dataset order, random, Hungarian and a learned one, three seeds', () => {
    const q = labellingQuestion('rm', 64);
    expect(q.labellings).toEqual(['identity', 'random', 'hungarian', 'sinkhorn']);
    expect(planRuns(q)).toHaveLength(12);
    expect(q.config.hiddenUnits).toBe(0);
  });
});
