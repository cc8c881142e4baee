import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELLING_OPTIONS } from '../labellings/options.ts';
import { DEFAULT_TRAIN_CONFIG } from '../types.ts';
import { planRuns } from './plan.ts';
import { remainingRuns, resultsInPlan } from './resume.ts';

const plan = planRuns({
  title: 't',
  n: 8,
  methods: ['random', 'rm'],
  labellings: ['identity'],
  seeds: 2,
  config: DEFAULT_TRAIN_CONFIG,
  labelling: DEFAULT_LABELLING_OPTIONS,
});

describe('resuming an experiment', () => {
  it('keeps the runs without a result, in plan order', () => {
    const done = [{ key: 'rm|identity|0' }, { key: 'random|identity|1' }];
    expect(remainingRuns(plan, done).map((r) => r.key)).toEqual([
      'random|identity|0',
      'rm|identity|1',
    ]);
    expect(remainingRuns(plan, [])).toEqual(plan);
    expect(remainingRuns(plan, plan)).toEqual([]);
  });

  it('ignores stored results that are not in the plan, and orders the rest', () => {
    const stored = [
      { key: 'rm|identity|1' },
      { key: 'lse|identity|0' },
      { key: 'random|identity|0' },
    ];
    expect(resultsInPlan(plan, stored).map((r) => r.key)).toEqual([
      'random|identity|0',
      'rm|identity|1',
    ]);
    expect(remainingRuns(plan, stored).map((r) => r.key)).toEqual([
      'rm|identity|0',
      'random|identity|1',
    ]);
  });
});
