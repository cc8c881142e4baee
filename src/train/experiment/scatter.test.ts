import { describe, expect, it } from 'vitest';
import { makeRun } from './runFixture.ts';
import { scatterData, ticks } from './scatter.ts';

describe('the accuracy-versus-separation chart as numbers', () => {
  it('groups by method in words for people, with the sample standard deviation over seeds', () => {
    const runs = [
      makeRun('rm', 'identity', 0, 0.5, 0),
      makeRun('rm', 'identity', 1, 0.6, 0),
      makeRun('random', 'identity', 0, 0.4, 0.4),
    ];
    const { points, groups } = scatterData(runs, 'maxCosine');
    expect(points.map((p) => p.label)).toEqual([
      'Reed-Muller code, seed 0',
      'Reed-Muller code, seed 1',
      'Random, seed 0',
    ]);
    expect(groups.map((g) => [g.group, g.runs])).toEqual([
      ['Reed-Muller code', 2],
      ['Random', 1],
    ]);
    expect(groups[0].meanY).toBeCloseTo(0.55, 12);
    expect(groups[0].stdY).toBeCloseTo(Math.sqrt(0.005), 12); // ((0.05^2) * 2 / (2 - 1))^(1/2)
    expect(groups[1].stdY).toBe(0);
  });

  it('names the labelling too when runs differ in it', () => {
    const runs = [makeRun('rm', 'identity', 0, 0.5, 0), makeRun('rm', 'random', 0, 0.4, 0)];
    expect(scatterData(runs, 'meanCosine').groups.map((g) => g.group)).toEqual([
      'Reed-Muller code / Dataset order',
      'Reed-Muller code / Random',
    ]);
  });

  it('ticks the accuracy axis from 0 to 100 % in round steps', () => {
    expect(ticks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});
