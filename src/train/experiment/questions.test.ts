import { describe, expect, it } from 'vitest';
import { planRuns } from './plan.ts';
import {
  aboutText,
  canRun,
  labellingQuestion,
  questionProblem,
  questionSeconds,
  separationQuestion,
} from './questions.ts';

describe('the talk’s questions as experiments', () => {
  it('separation: one method of each kind that can run at (N, n), two seeds each, identity', () => {
    // 10 classes in R^16: one-hot fits (N <= n), and so does a Reed-Muller code.
    const wide = separationQuestion(10, 16);
    expect(wide.methods).toEqual(['random', 'onehot', 'mettes', 'lse', 'rm', 'best']);
    // In R^3 neither one-hot, the cross-polytope (N <= 2n), the simplex (N <= n + 1) nor a code
    // fits: the polygon on a great circle stands for the poorly separated constructions.
    const narrow = separationQuestion(10, 3);
    expect(narrow.methods).toEqual(['random', 'polygon', 'mettes', 'lse', 'best']);
    expect(narrow.methods.every((m) => canRun(m, 10, 3))).toBe(true);
    // 8 classes in R^4: no one-hot (N > n), but the cross-polytope (N = 2n).
    expect(separationQuestion(8, 4).methods[1]).toBe('orthoplex');
    expect(planRuns(wide)).toHaveLength(2 * wide.methods.length);
    expect(wide.labellings).toEqual(['identity']);
    expect(wide.config).toMatchObject({ epochs: 10, hiddenUnits: 0, mode: 'fast' });
    // On S^2 a linear head cannot answer as the full model does: a hidden layer (32 units) stays.
    expect(narrow.config).toMatchObject({ epochs: 10, hiddenUnits: 32 });
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

describe('what a question needs before it starts', () => {
  const cifar10 = { classes: 10, trainImages: 5000, testImages: 1000 };
  it('starts on enough data; says what to do without data, with one class, or too few images', () => {
    expect(questionProblem('separation', cifar10, 3, 'lse')).toBeNull();
    expect(questionProblem('labelling', cifar10, 16, 'rm')).toBeNull();
    expect(questionProblem('separation', null, 3, 'lse')).toBe(
      'Load CIFAR-10 or CIFAR-100 in the Data panel first: pick or drop the archive there.',
    );
    expect(questionProblem('separation', { ...cifar10, classes: 1 }, 3, 'lse')).toMatch(
      /^Choose at least 2 classes in the Data panel/,
    );
    // 9 training images a class is one short; 4 test images a class too.
    expect(
      questionProblem('separation', { classes: 10, trainImages: 99, testImages: 50 }, 3, 'lse'),
    ).toBe(
      'The loaded subset has 9 training and 5 test images a class; two seeds need at least 10 and 5 to be told apart, so choose more images a class in the Data panel.',
    );
    expect(
      questionProblem('labelling', { classes: 10, trainImages: 100, testImages: 49 }, 3, 'lse'),
    ).toMatch(/^The loaded subset has 10 training and 4 test images a class/);
    expect(
      questionProblem('separation', { classes: 10, trainImages: 100, testImages: 50 }, 3, 'lse'),
    ).toBeNull();
  });

  it('refuses a labelling question whose method cannot make the prototypes', () => {
    expect(questionProblem('labelling', cifar10, 3, 'onehot')).toBe(
      'One-hot cannot make 10 prototypes in R^3; choose another method or n in the explorer.',
    );
  });

  it('estimates the time from images, runs and epochs, and says it coarsely', () => {
    // 6000 images through the features at 1300 a second, then 12 runs x 10 epochs x 5000
    // images through a linear head at 16000 a second.
    const spec = separationQuestion(10, 16);
    expect(questionSeconds(spec, cifar10)).toBeCloseTo(6000 / 1300 + (12 * 10 * 5000) / 16000, 9);
    expect(aboutText(9)).toBe('a few seconds');
    expect(aboutText(42.8)).toBe('about 40 s');
    expect(aboutText(94)).toBe('about 2 min');
  });
});
