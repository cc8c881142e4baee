// Test support: a RunResult with only the fields a test cares about set.
import type { RunResult } from './types.ts';

export function makeRun(
  method: string,
  labelling: 'identity' | 'random',
  seed: number,
  acc: number,
  maxCos: number,
): RunResult {
  return {
    key: `${method}|${labelling}|${seed}`,
    method,
    labelling,
    seed,
    N: 10,
    n: 16,
    testAccuracy: acc,
    trainAccuracy: 1,
    perClassAccuracy: [],
    maxCosine: maxCos,
    minAngleDeg: 90,
    meanCosine: 0,
    assignment: [],
    epochs: 1,
    prototypes: [],
    timeMs: 1,
  };
}
