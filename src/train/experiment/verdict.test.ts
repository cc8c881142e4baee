import { describe, expect, it } from 'vitest';
import { makeRun } from './runFixture.ts';
import { correlation, labellingVerdict, separationVerdict } from './verdict.ts';

const name = (id: string) =>
  ({ rm: 'Reed-Muller code', random: 'Random', identity: 'Dataset order' })[id] ?? id;

describe('the sentence that answers the question', () => {
  it('correlation is Pearson’s r', () => {
    expect(correlation([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(correlation([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    // x = 0, 1, 2, 3; y = 1, 3, 2, 4: r = 4 / sqrt(5 * 5) = 0.8.
    expect(correlation([0, 1, 2, 3], [1, 3, 2, 4])).toBeCloseTo(0.8, 12);
    expect(correlation([1, 1, 1], [1, 2, 3])).toBeNaN();
  });

  it('separation: spreads, pooled seed spread and the sign, in words with the same numbers', () => {
    const runs = [
      makeRun('rm', 'identity', 0, 0.6, 0),
      makeRun('rm', 'identity', 1, 0.62, 0),
      makeRun('random', 'identity', 0, 0.5, 0.4),
      makeRun('random', 'identity', 1, 0.52, 0.4),
    ];
    const v = separationVerdict(runs, name);
    expect(v?.accuracySpread).toBeCloseTo(0.1, 12);
    expect(v?.cosineSpread).toBeCloseTo(0.4, 12);
    // Each group: two values 0.02 apart, sample std 0.01414; pooled the same.
    expect(v?.seedSpread).toBeCloseTo(Math.SQRT2 / 100, 12);
    expect(v?.correlation).toBeLessThan(0);
    expect(v?.sentence).toBe(
      'Across 2 methods (2 seeds each), max cosine spans 0.40 while mean accuracy spans 10.0 points, well beyond the spread between seeds (1.4 points); better separated prototypes went with higher accuracy (correlation -0.98). Best: Reed-Muller code, 61.0 %.',
    );
  });

  it('says when the differences are within the seed spread, and when seeds are unknown', () => {
    const noisy = [
      makeRun('rm', 'identity', 0, 0.5, 0),
      makeRun('rm', 'identity', 1, 0.6, 0),
      makeRun('random', 'identity', 0, 0.52, 0.4),
      makeRun('random', 'identity', 1, 0.6, 0.4),
    ];
    expect(separationVerdict(noisy, name)?.sentence).toMatch(
      /spans 1\.0 points, within the spread between seeds \(6\.4 points\)/,
    );
    const single = [
      makeRun('rm', 'identity', 0, 0.5, 0),
      makeRun('random', 'identity', 0, 0.4, 0.4),
    ];
    expect(separationVerdict(single, name)?.sentence).toMatch(
      /with one seed each, the seed-to-seed spread is unknown/,
    );
    expect(separationVerdict([single[0]], name)).toBeNull();
  });

  it('names the same best method whatever order the runs finished in (ties by name)', () => {
    const runs = [
      makeRun('rm', 'identity', 0, 0.6, 0),
      makeRun('random', 'identity', 0, 0.6, 0.4),
      makeRun('onehot', 'identity', 0, 0.5, 0),
    ];
    const forward = separationVerdict(runs, name)?.sentence;
    expect(separationVerdict([...runs].reverse(), name)?.sentence).toBe(forward);
    expect(forward).toMatch(/Best: Random, 60\.0 %\.$/);
  });

  it('calls a weak correlation no direction', () => {
    // max cosine 0, 0, 1, 1 against accuracy 0.40, 0.60, 0.48, 0.56: r = 0.02 / sqrt(0.0236).
    const weak = [
      makeRun('rm', 'identity', 0, 0.4, 0),
      makeRun('rm', 'identity', 1, 0.6, 0),
      makeRun('random', 'identity', 0, 0.48, 1),
      makeRun('random', 'identity', 1, 0.56, 1),
    ];
    const v = separationVerdict(weak, name);
    expect(v?.correlation).toBeCloseTo(0.02 / Math.sqrt(0.0236), 12);
    expect(v?.sentence).toMatch(/; accuracy hardly follows max cosine \(correlation 0\.13\)\./);
  });

  it('labelling: best and worst labelling against the seed spread', () => {
    const runs = [
      makeRun('rm', 'identity', 0, 0.2, 0),
      makeRun('rm', 'identity', 1, 0.22, 0),
      makeRun('rm', 'random', 0, 0.25, 0),
      makeRun('rm', 'random', 1, 0.27, 0),
    ];
    expect(labellingVerdict(runs, name)?.sentence).toBe(
      'Across 2 labellings (2 seeds each) of the same prototypes, mean accuracy spans 5.0 points (Random 26.0 %, Dataset order 21.0 %), well beyond the spread between seeds (1.4 points).',
    );
  });
});
