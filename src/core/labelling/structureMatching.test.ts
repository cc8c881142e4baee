import { describe, expect, it } from 'vitest';
import { createCodebook, gaussianRows, gramMatrix } from '../math/codebook.ts';
import { createRandom } from '../math/random.ts';
import { bruteForceOptimum } from './bruteForce.ts';
import { identityLabelling, randomLabelling } from './permutation.ts';
import { matchStructure, structureObjective, superclassSimilarity } from './structureMatching.ts';

/** Gram matrix of N random unit vectors in R^n. */
function randomGram(N: number, n: number, seed: number): Float64Array {
  const random = createRandom(seed);
  return gramMatrix(createCodebook(N, n, gaussianRows(N, n, random.normal)));
}

/** S_ij = G_{pi(i) pi(j)}: the structure of G seen through the planted labelling pi. */
function plantedSimilarity(G: Float64Array, N: number, planted: Int32Array): Float64Array {
  const K = planted.length;
  const S = new Float64Array(K * K);
  for (let i = 0; i < K; i++) {
    for (let j = 0; j < K; j++) S[i * K + j] = G[planted[i] * N + planted[j]];
  }
  return S;
}

describe('superclassSimilarity', () => {
  it('is 1 within a superclass and 0 across', () => {
    expect(Array.from(superclassSimilarity([0, 1, 0]))).toEqual([1, 0, 1, 0, 1, 0, 1, 0, 1]);
    expect(Array.from(superclassSimilarity(Uint8Array.of(2, 2)))).toEqual([1, 1, 1, 1]);
    expect(() => superclassSimilarity([0, -1])).toThrow(/class 1 is -1/);
  });
});

describe('structureObjective', () => {
  it('adds S_ij G_{pi(i) pi(j)} over all pairs: a worked 2x3 example', () => {
    const S = Float64Array.of(1, 2, 3, 4);
    const G = Float64Array.of(1, 5, 6, 5, 1, 7, 6, 7, 1);
    // pi = (2, 0): 1*G22 + 2*G20 + 3*G02 + 4*G00 = 1 + 12 + 18 + 4.
    expect(structureObjective(S, 2, G, 3, Int32Array.of(2, 0))).toBe(35);
  });
});

describe('matchStructure', () => {
  it('recovers a planted permutation exactly and reaches the brute-force optimum (K = 3..8)', () => {
    for (let K = 3; K <= 8; K++) {
      for (let instance = 0; instance < 3; instance++) {
        const G = randomGram(K, 3, 100 * K + instance);
        const planted = randomLabelling(K, 7 * K + instance);
        const S = plantedSimilarity(G, K, planted);
        const result = matchStructure(S, K, G, K, { seed: instance });
        // f(sigma) = <S, G_sigma> <= ||S|| ||G|| = sum G^2, with equality only at G_sigma = S:
        // for generic G (distinct off-diagonal entries, K >= 3) that is sigma = planted.
        expect(Array.from(result.labelling)).toEqual(Array.from(planted));
        const f = (p: Int32Array) => structureObjective(S, K, G, K, p);
        expect(result.objective).toBeCloseTo(bruteForceOptimum(K, K, f, true).value, 12);
        expect(result.objective).toBeCloseTo(
          G.reduce((s, g) => s + g * g, 0),
          12,
        );
      }
    }
  });

  it('finds the brute-force optimum for superclasses on a clustered codebook, with N > K', () => {
    // 6 classes in superclasses {0, 3, 4} and {1, 2, 5}; 7 prototypes.
    const S = superclassSimilarity([0, 1, 1, 0, 0, 1]);
    const G = randomGram(7, 2, 5);
    const result = matchStructure(S, 6, G, 7, { seed: 1 });
    const f = (p: Int32Array) => structureObjective(S, 6, G, 7, p);
    expect(result.objective).toBeCloseTo(bruteForceOptimum(6, 7, f, true).value, 12);
    expect(result.objective).toBe(f(result.labelling));
  });

  it('is never worse than the identity and ends where no swap or move improves', () => {
    const random = createRandom(77);
    for (let trial = 0; trial < 8; trial++) {
      const K = 5 + random.int(20);
      const N = K + (trial % 2 ? 3 : 0); // odd trials leave 3 prototypes unused
      // An asymmetric S exercises both halves of the swap and move gains.
      const S = Float64Array.from({ length: K * K }, () => random.normal());
      const G = randomGram(N, 4, trial);
      const f = (p: Int32Array) => structureObjective(S, K, G, N, p);
      const result = matchStructure(S, K, G, N, { seed: trial, restarts: 2 });
      expect(result.identityObjective).toBe(f(identityLabelling(K)));
      expect(result.objective).toBeGreaterThanOrEqual(result.identityObjective);
      expect(result.objective).toBe(f(result.labelling));
      // Recompute every neighbour from scratch: none beats the returned labelling.
      const p = result.labelling;
      const unused = Array.from({ length: N }, (_, r) => r).filter((r) => !p.includes(r));
      let bestNeighbour = Number.NEGATIVE_INFINITY;
      for (let a = 0; a < K; a++) {
        for (let b = a + 1; b < K; b++) {
          const q = p.slice();
          q[a] = p[b];
          q[b] = p[a];
          bestNeighbour = Math.max(bestNeighbour, f(q));
        }
        for (const u of unused) {
          const q = p.slice();
          q[a] = u;
          bestNeighbour = Math.max(bestNeighbour, f(q));
        }
      }
      expect(bestNeighbour).toBeLessThanOrEqual(result.objective + 1e-9);
    }
  });

  it('is deterministic for a seed and counts its runs', () => {
    const random = createRandom(3);
    const K = 20;
    const S = Float64Array.from({ length: K * K }, () => random.normal());
    const G = randomGram(K, 3, 9);
    const a = matchStructure(S, K, G, K, { seed: 12, restarts: 4 });
    const b = matchStructure(S, K, G, K, { seed: 12, restarts: 4 });
    expect(Array.from(a.labelling)).toEqual(Array.from(b.labelling));
    expect(a.objective).toBe(b.objective);
    expect(a.runs).toBe(6);
  });

  it('rejects mismatched or non-finite input', () => {
    const G = randomGram(3, 2, 1);
    expect(() => matchStructure(new Float64Array(5), 2, G, 3, { seed: 0 })).toThrow(
      /similarity has 5 entries, expected 2 x 2/,
    );
    expect(() => matchStructure(new Float64Array(16), 4, G, 3, { seed: 0 })).toThrow(
      /4 classes need at least as many prototypes/,
    );
    expect(() => matchStructure(Float64Array.of(Number.NaN), 1, G, 3, { seed: 0 })).toThrow(/NaN/);
    expect(() => matchStructure(new Float64Array(4), 2, G, 3, { seed: 0, restarts: -1 })).toThrow(
      /restarts/,
    );
  });
});
