import { describe, expect, it } from 'vitest';
import { separationMetrics } from '../metrics/separation.ts';
import { bestCodeRoute } from './codeRoutes.ts';

describe('code routes', () => {
  it('shortening then extending BCH(127,15) gives [123,10,56] in n = 128: max cosine 1 - 112/123', () => {
    const route = bestCodeRoute(1000, 128, 0);
    expect(route?.route).toMatch(/^extended BCH\(127,15\) shortened to \[122,10\] \[123,10\]/);
    expect(route?.maxCosine).toBe(1 - 112 / 123);
    expect(route?.code.d).toBe(56);
    // The words and the gamma images agree: exact metrics equal the float ones.
    if (!route) return;
    const exact = separationMetrics({ codebook: route.codebook, binary: route.binary });
    const float = separationMetrics({ codebook: route.codebook });
    expect(exact.maxCosine).toBe(route.maxCosine);
    expect(float.maxCosine).toBeCloseTo(route.maxCosine, 12);
  });

  it('uses the extended BCH (64,10,28) at n = 64 and RM(1,6) when it fits', () => {
    expect(bestCodeRoute(1000, 64, 0)?.maxCosine).toBe(0.125);
    expect(bestCodeRoute(100, 64, 0)?.maxCosine).toBe(0);
  });

  it('returns null when no code has enough words', () => {
    expect(bestCodeRoute(100, 3, 0)).toBeNull();
  });
});
