import { describe, expect, it } from 'vitest';
import { createCodebook } from '../math/codebook.ts';
import { separationMetrics } from '../metrics/separation.ts';
import { writeNpy } from './npy.ts';
import {
  codebookFromArray,
  formatFromFileName,
  NORM_TOLERANCE,
  preparePrototypes,
  sniffFormat,
} from './prototypeFile.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('prototype file formats', () => {
  it('goes by the extension, then by the content', () => {
    expect(formatFromFileName('a/b.NPY')).toBe('npy');
    expect(formatFromFileName('x.json')).toBe('json');
    expect(formatFromFileName('x.csv')).toBe('csv');
    expect(formatFromFileName('x.txt')).toBeNull();
    expect(formatFromFileName('npy')).toBeNull();
    expect(sniffFormat('data', writeNpy([1, 0], [1, 2]))).toBe('npy');
    expect(sniffFormat('data', bytes('\n  {"prototypes": []}'))).toBe('json');
    expect(sniffFormat('data', bytes('\ufeff[[1, 0]]'))).toBe('json');
    expect(sniffFormat('data.txt', bytes('1,0\n0,1\n'))).toBe('csv');
    expect(sniffFormat('', new Uint8Array(0))).toBe('csv');
  });

  it('turns 2-D arrays into N x n codebooks and 1-D into one prototype', () => {
    expect(codebookFromArray(new Float64Array(6), [2, 3])).toMatchObject({ N: 2, n: 3 });
    expect(codebookFromArray(new Float64Array(3), [3])).toMatchObject({ N: 1, n: 3 });
    expect(() => codebookFromArray(new Float64Array(0), [0, 3])).toThrow(/no prototypes/);
    expect(() => codebookFromArray(new Float64Array(1), [])).toThrow(/need a 2-D array/);
  });
});

describe('preparePrototypes', () => {
  it('leaves unit rows exactly as they are (so float64 round trips measure the same numbers)', () => {
    const s = Math.SQRT1_2;
    const c = createCodebook(3, 2, Float64Array.from([1, 0, s, s, 0, 1 + NORM_TOLERANCE / 2]));
    const p = preparePrototypes(c);
    expect(p.renormalised).toBe(false);
    expect(p.codebook.data).toBe(c.data);
  });

  it('rescales every row when some norm is off by more than 1e-9', () => {
    const c = createCodebook(2, 2, Float64Array.from([2, 0, 0, 1 + 1e-8]));
    const p = preparePrototypes(c);
    expect(p.renormalised).toBe(true);
    expect(p.maxNormError).toBe(1);
    expect(Array.from(p.codebook.data)).toEqual([1, 0, 0, 1]);
    expect(Array.from(c.data)).toEqual([2, 0, 0, 1 + 1e-8]); // the input is not modified
  });

  it('rejects zero rows and single prototypes', () => {
    expect(() => preparePrototypes(createCodebook(2, 2, Float64Array.from([1, 0, 0, 0])))).toThrow(
      /prototype 1 \(row 2\) is all zeros/,
    );
    expect(() => preparePrototypes(createCodebook(1, 2, Float64Array.from([1, 0])))).toThrow(
      /at least two/,
    );
  });

  it('recognises float32 gamma images of binary words, so metrics are exact', () => {
    // Words 000, 011, 101, 110 (the even-weight code): all pairwise distances 2, cosine -1/3,
    // embedded in 4 dimensions with the last coordinate 0.
    const words = [
      [0, 0, 0],
      [0, 1, 1],
      [1, 0, 1],
      [1, 1, 0],
    ];
    const a = Math.fround(1 / Math.sqrt(3));
    const data = Float64Array.from(words.flatMap((w) => [...w.map((b) => (b ? a : -a)), 0]));
    const p = preparePrototypes(createCodebook(4, 4, data));
    expect(p.renormalised).toBe(true);
    expect(p.binary?.length).toBe(3);
    expect(separationMetrics(p).maxCosine).toBe(1 - (2 * 2) / 3);
  });
});
