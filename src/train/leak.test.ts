import { describe, expect, it } from 'vitest';
import { runLeak, tensorLeak } from './leak.ts';

describe('tensor-count checks', () => {
  it('say nothing while the count holds, and one sentence when it grows', () => {
    expect(tensorLeak({ epoch: 1, numTensors: 40 }, { epoch: 5, numTensors: 40 })).toBeNull();
    expect(tensorLeak({ epoch: 1, numTensors: 40 }, { epoch: 5, numTensors: 43 })).toBe(
      'Memory leak: 40 tensors after epoch 1, 43 after epoch 5 (the count should stay the same).',
    );
    expect(runLeak(12, 12)).toBeNull();
    expect(runLeak(12, 11)).toBeNull();
    expect(runLeak(12, 15)).toBe(
      'Memory leak: 12 tensors before the run, 15 after it was freed (the count should stay the same).',
    );
  });
});
