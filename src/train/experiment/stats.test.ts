import { describe, expect, it } from 'vitest';
import { makeRun as run } from './runFixture.ts';
import { mean, sampleStd, summarise } from './stats.ts';

describe('summary statistics', () => {
  it('mean and sample standard deviation (n - 1) exactly', () => {
    expect(mean([0.5, 0.25, 0.75])).toBe(0.5);
    // deviations -0.25, 0, 0.25 -> sum of squares 0.125, / (3 - 1) = 0.0625 -> 0.25
    expect(sampleStd([0.25, 0.5, 0.75])).toBe(0.25);
    expect(sampleStd([2, 4, 4, 4, 5, 5, 7, 9])).toBe(Math.sqrt(32 / 7));
    expect(sampleStd([0.3])).toBeNaN();
    expect(mean([])).toBeNaN();
  });

  it('one row per method and labelling, in first-seen order', () => {
    const rows = summarise([
      run('rm', 'identity', 0, 0.25, 0),
      run('rm', 'random', 0, 0.5, 0),
      run('rm', 'identity', 1, 0.75, 0),
      run('lse', 'identity', 0, 0.5, -0.1),
    ]);
    expect(rows).toEqual([
      {
        method: 'rm',
        labelling: 'identity',
        n: 16,
        runs: 2,
        meanAccuracy: 0.5,
        stdAccuracy: Math.sqrt(0.125),
        meanMaxCosine: 0,
        meanMinAngleDeg: 90,
        meanMeanCosine: 0,
      },
      {
        method: 'rm',
        labelling: 'random',
        n: 16,
        runs: 1,
        meanAccuracy: 0.5,
        stdAccuracy: Number.NaN,
        meanMaxCosine: 0,
        meanMinAngleDeg: 90,
        meanMeanCosine: 0,
      },
      {
        method: 'lse',
        labelling: 'identity',
        n: 16,
        runs: 1,
        meanAccuracy: 0.5,
        stdAccuracy: Number.NaN,
        meanMaxCosine: -0.1,
        meanMinAngleDeg: 90,
        meanMeanCosine: 0,
      },
    ]);
  });
});
