import { describe, expect, it } from 'vitest';
import { createCodebook } from '../core/math/codebook.ts';
import type { PrototypeResult } from '../state/prototypes.ts';
import { sceneSummary } from './access.tsx';

describe('the canvas text alternative', () => {
  it('says what is drawn and how well it is separated', () => {
    const current: PrototypeResult = {
      method: 'kasarla',
      N: 4,
      n: 3,
      seed: 0,
      params: {},
      codebook: createCodebook(4, 3, new Float64Array(12)),
      metrics: {
        maxCosine: -1 / 3,
        minAngleDeg: (Math.acos(-1 / 3) * 180) / Math.PI,
        meanCosine: -1 / 3,
        meanRowMaxCosine: -1 / 3,
      },
      timeMs: 1,
    };
    expect(sceneSummary(current, 's2')).toBe(
      '4 prototypes (Simplex (Kasarla)) in dimension n = 3, on the sphere S²: max cosine -0.3333, min angle 109.47 degrees.',
    );
    expect(sceneSummary(null, 's2')).toBe('The prototypes are being made.');
  });
});
