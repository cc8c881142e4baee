import { describe, expect, it } from 'vitest';
import { fromRows, toRows } from '../math/codebook.ts';
import {
  applyLabelling,
  checkLabelling,
  composeLabellings,
  identityLabelling,
  invertLabelling,
  isPermutation,
  permutationMatrix,
  randomLabelling,
} from './permutation.ts';

// Row i of this codebook is recognisable: [i, 10 i].
const codebook = fromRows([0, 1, 2, 3, 4].map((i) => [i, 10 * i]));
const ids = (c: ReturnType<typeof applyLabelling>) => toRows(c).map((r) => r[0]);

describe('applyLabelling', () => {
  it('puts prototype labelling[k] in row k', () => {
    const c = applyLabelling(codebook, Int32Array.of(3, 0, 4, 1, 2));
    expect(toRows(c)).toEqual([
      [3, 30],
      [0, 0],
      [4, 40],
      [1, 10],
      [2, 20],
    ]);
  });

  it('keeps only the classes of an injection into more prototypes', () => {
    const c = applyLabelling(codebook, Int32Array.of(4, 2));
    expect(c.N).toBe(2);
    expect(ids(c)).toEqual([4, 2]);
  });

  it('is the same as multiplying by the permutation matrix', () => {
    const labelling = Int32Array.of(2, 4, 1, 0, 3);
    const P = permutationMatrix(labelling, 5);
    const product = new Float64Array(10);
    for (let k = 0; k < 5; k++) {
      for (let j = 0; j < 5; j++) {
        for (let d = 0; d < 2; d++) product[k * 2 + d] += P[k * 5 + j] * codebook.data[j * 2 + d];
      }
    }
    expect(Array.from(product)).toEqual(Array.from(applyLabelling(codebook, labelling).data));
  });
});

describe('composeLabellings and invertLabelling', () => {
  it('applying two labellings in turn equals applying their composition', () => {
    for (let seed = 0; seed < 20; seed++) {
      const first = randomLabelling(5, seed);
      const second = randomLabelling(5, seed + 100);
      const twice = applyLabelling(applyLabelling(codebook, first), second);
      const once = applyLabelling(codebook, composeLabellings(first, second));
      expect(ids(twice)).toEqual(ids(once));
    }
  });

  it('composes a worked example: first = (1 2 0), second = (2 0 1) gives (0 1 2)', () => {
    // composed[k] = first[second[k]]: first[2] = 0, first[0] = 1, first[1] = 2.
    expect(Array.from(composeLabellings(Int32Array.of(1, 2, 0), Int32Array.of(2, 0, 1)))).toEqual([
      0, 1, 2,
    ]);
  });

  it('round-trips through the inverse on both sides', () => {
    for (let seed = 0; seed < 20; seed++) {
      const p = randomLabelling(7, seed);
      const inv = invertLabelling(p);
      expect(Array.from(composeLabellings(p, inv))).toEqual(Array.from(identityLabelling(7)));
      expect(Array.from(composeLabellings(inv, p))).toEqual(Array.from(identityLabelling(7)));
    }
    const back = applyLabelling(
      applyLabelling(codebook, Int32Array.of(3, 0, 4, 1, 2)),
      Int32Array.of(1, 3, 4, 0, 2),
    );
    expect(ids(back)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(invertLabelling(Int32Array.of(3, 0, 4, 1, 2)))).toEqual([1, 3, 4, 0, 2]);
  });

  it('has no inverse for an injection that is not a permutation', () => {
    expect(() => invertLabelling(Int32Array.of(0, 2))).toThrow(RangeError);
  });
});

describe('randomLabelling', () => {
  it('is a permutation, reproducible by seed, different across seeds', () => {
    const a = randomLabelling(50, 1);
    expect(isPermutation(a)).toBe(true);
    expect(Array.from(randomLabelling(50, 1))).toEqual(Array.from(a));
    expect(Array.from(randomLabelling(50, 2))).not.toEqual(Array.from(a));
  });

  it('draws an injection into more prototypes', () => {
    const a = randomLabelling(10, 3, 100);
    expect(a.length).toBe(10);
    expect(() => checkLabelling(a, 100)).not.toThrow();
    expect(isPermutation(a)).toBe(false);
    expect(() => randomLabelling(5, 0, 4)).toThrow(/prototypes >= classes/);
  });
});

describe('checkLabelling', () => {
  it('accepts injections and names the problem otherwise', () => {
    expect(() => checkLabelling(Int32Array.of(1, 0), 2)).not.toThrow();
    expect(() => checkLabelling(Int32Array.of(0, 0), 2)).toThrow(
      /classes 0 and 1 both map to prototype 0/,
    );
    expect(() => checkLabelling(Int32Array.of(0, 5), 3)).toThrow(/outside \[0, 3\)/);
    expect(() => checkLabelling(Int32Array.of(0, -1), 3)).toThrow(RangeError);
    expect(() => checkLabelling(Int32Array.of(0, 1, 2), 2)).toThrow(/at least as many/);
    expect(isPermutation(identityLabelling(0))).toBe(true);
    expect(isPermutation(Int32Array.of(1, 1))).toBe(false);
  });
});
