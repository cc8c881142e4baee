import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG } from '../train/types.ts';
import { UsageError } from './args.ts';
import { parseExperimentArgs } from './experimentArgs.ts';

describe('hypersphere-lab experiment arguments', () => {
  it('reads the issue form, with seeds 0..K-1 and the head as hidden units', () => {
    const c = parseExperimentArgs([
      '--train',
      'a.tar.gz',
      '--test',
      'b.bin',
      '--methods',
      'rm,lse',
      '--labellings',
      'identity,hungarian',
      '--seeds',
      '4',
      '-n',
      '64',
      '--mode',
      'fast',
      '--head',
      'linear',
      '--epochs=12',
      '--classes',
      '20',
      '--json',
    ]);
    expect(c.train).toBe('a.tar.gz');
    expect(c.test).toBe('b.bin');
    expect(c.classes).toBe('20');
    expect(c.json).toBe(true);
    expect(c.spec.methods).toEqual(['rm', 'lse']);
    expect(c.spec.labellings).toEqual(['identity', 'hungarian']);
    expect(c.spec.seeds).toBe(4);
    expect(c.spec.n).toBe(64);
    expect(c.spec.config.epochs).toBe(12);
    expect(c.spec.config.hiddenUnits).toBe(0);
    expect(c.spec.config.mode).toBe('fast');
  });

  it('defaults: identity, 3 seeds, the MLP head, the archive test set', () => {
    const c = parseExperimentArgs(['--train', 'a.tar.gz', '--methods', 'rm', '-n', '16']);
    expect(c.test).toBeNull();
    expect(c.spec.labellings).toEqual(['identity']);
    expect(c.spec.seeds).toBe(3);
    // The MLP head has the training library's default width.
    expect(c.spec.config.hiddenUnits).toBe(DEFAULT_TRAIN_CONFIG.hiddenUnits);
    expect(c.spec.config.hiddenUnits).toBeGreaterThan(0);
    expect(c.json).toBe(false);
  });

  it('explains bad arguments in one sentence', () => {
    const bad = (argv: string[]) => () => parseExperimentArgs(argv);
    const base = ['--train', 'a', '-n', '16'];
    expect(bad(base)).toThrow(new UsageError('experiment needs --methods'));
    expect(bad([...base, '--methods', 'rm,nope'])).toThrow(/^unknown method "nope" \(allowed: /);
    expect(bad([...base, '--methods', 'rm', '--labellings', 'best'])).toThrow(
      /^unknown labelling "best"/,
    );
    expect(bad([...base, '--methods', 'rm', '--head', 'deep'])).toThrow(
      '--head must be linear or mlp, got "deep"',
    );
    expect(bad([...base, '--methods', 'rm', '--seeds', '0'])).toThrow(
      '--seeds must be a whole number from 1 to 100, got "0"',
    );
    expect(bad([...base, '--methods', 'rm', '--frobnicate', '1'])).toThrow(
      'unknown flag --frobnicate for experiment (see hypersphere-lab help experiment)',
    );
  });
});
