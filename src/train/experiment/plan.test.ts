import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELLING_OPTIONS } from '../labellings/options.ts';
import { DEFAULT_TRAIN_CONFIG } from '../types.ts';
import { checkSpec, ExperimentSpecError, planRuns } from './plan.ts';
import type { ExperimentSpec } from './types.ts';

const spec: ExperimentSpec = {
  title: 't',
  n: 16,
  methods: ['rm', 'lse'],
  labellings: ['identity', 'hungarian'],
  seeds: 3,
  config: { ...DEFAULT_TRAIN_CONFIG, epochs: 7, seed: 99 },
  labelling: DEFAULT_LABELLING_OPTIONS,
};

describe('planRuns', () => {
  it('plans methods x labellings x seeds runs, seed-major, each key once', () => {
    const runs = planRuns(spec);
    expect(runs.map((r) => r.key)).toEqual([
      'rm|identity|0',
      'rm|hungarian|0',
      'lse|identity|0',
      'lse|hungarian|0',
      'rm|identity|1',
      'rm|hungarian|1',
      'lse|identity|1',
      'lse|hungarian|1',
      'rm|identity|2',
      'rm|hungarian|2',
      'lse|identity|2',
      'lse|hungarian|2',
    ]);
  });

  it('gives every run the same budget and only its own seed', () => {
    const runs = planRuns(spec);
    for (const r of runs) {
      expect(r.config).toEqual({ ...spec.config, seed: r.seed });
    }
    // Every method and labelling sees the same seeds.
    expect(runs.filter((r) => r.method === 'lse').map((r) => r.seed)).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('refuses a bad spec with one sentence, naming the problem', () => {
    const bad = (patch: Partial<ExperimentSpec>) => () => checkSpec({ ...spec, ...patch });
    expect(bad({ methods: [] })).toThrow(new ExperimentSpecError('choose at least one method'));
    expect(bad({ methods: ['rm', 'nope'] })).toThrow('unknown method "nope"');
    expect(bad({ labellings: ['identity', 'identity'] })).toThrow('"identity" is listed twice');
    expect(bad({ seeds: 0 })).toThrow('seeds must be a whole number from 1 to 100, got 0');
    expect(bad({ config: { ...spec.config, epochs: 1 } })).toThrow(
      "the hungarian labelling's warm-up (1 epochs) must be shorter than training (1 epochs)",
    );
  });
});
