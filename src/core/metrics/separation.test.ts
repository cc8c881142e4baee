import { describe, expect, it } from 'vitest';
import { wordsFromArrays } from '../math/binaryWords.ts';
import { fromRows } from '../math/codebook.ts';
import { detectSignCode } from './exact.ts';
import { contactGraph, cosineHistogram, separationMetrics } from './separation.ts';

const s = Math.SQRT1_2;

describe('separationMetrics (hand-computed cases)', () => {
  it('square in the plane: cosines 0, -1, 0, 0, -1, 0', () => {
    const square = fromRows([
      [1, 0],
      [0, 1],
      [-1, 0],
      [0, -1],
    ]);
    const m = separationMetrics({ codebook: square });
    expect(m.maxCosine).toBe(0);
    expect(m.minAngleDeg).toBe(90);
    expect(m.meanCosine).toBeCloseTo(-2 / 6, 15);
    expect(m.meanRowMaxCosine).toBe(0);
  });

  it('three points with known cosines: mean and per-row maxima', () => {
    // c0 = e1, c1 = (e1 + e2)/sqrt2, c2 = -e1: cosines 1/sqrt2 (0,1), -1 (0,2), -1/sqrt2 (1,2).
    const cb = fromRows([
      [1, 0],
      [s, s],
      [-1, 0],
    ]);
    const m = separationMetrics({ codebook: cb });
    expect(m.maxCosine).toBeCloseTo(s, 15);
    expect(m.minAngleDeg).toBeCloseTo(45, 12);
    expect(m.meanCosine).toBeCloseTo((s - 1 - s) / 3, 15);
    // Row maxima: row0 max(s, -1) = s; row1 max(s, -s) = s; row2 max(-1, -s) = -s.
    expect(m.meanRowMaxCosine).toBeCloseTo(s / 3, 15);
  });

  it('uses exact Hamming cosines for binary words', () => {
    // Words 0000, 0011, 1111 (L = 4): distances 2, 4, 2 -> cosines 0, -1, 0, exactly.
    const words = wordsFromArrays([
      [0, 0, 0, 0],
      [0, 0, 1, 1],
      [1, 1, 1, 1],
    ]);
    const h = 0.5;
    const cb = fromRows([
      [-h, -h, -h, -h],
      [-h, -h, h, h],
      [h, h, h, h],
    ]);
    const m = separationMetrics({ codebook: cb, binary: words });
    expect(m.maxCosine).toBe(0);
    expect(m.meanCosine).toBe(-1 / 3);
  });
});

describe('cosineHistogram', () => {
  it('puts each pair in its bin over [-1, 1]', () => {
    const cb = fromRows([
      [1, 0],
      [s, s],
      [-1, 0],
    ]);
    const h = cosineHistogram({ codebook: cb }, 4); // bins [-1,-.5) [-.5,0) [0,.5) [.5,1]
    expect(Array.from(h.counts)).toEqual([2, 0, 0, 1]);
    expect(Array.from(h.edges)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(h.pairs).toBe(3);
  });
});

describe('contactGraph', () => {
  it('finds the four sides of a square, not its diagonals', () => {
    const square = fromRows([
      [1, 0],
      [0, 1],
      [-1, 0],
      [0, -1],
    ]);
    const g = contactGraph({ codebook: square }, 1);
    expect(g.edges).toEqual([
      [0, 1],
      [0, 3],
      [1, 2],
      [2, 3],
    ]);
    expect(g.worst).toEqual([0, 1]);
    expect(g.minAngleDeg).toBe(90);
  });

  it('has only the closest pair at tolerance 0 when it is unique', () => {
    const cb = fromRows([
      [1, 0],
      [s, s],
      [-1, 0],
    ]);
    expect(contactGraph({ codebook: cb }, 0).edges).toEqual([[0, 1]]);
  });
});

describe('detectSignCode', () => {
  it('recovers the words of a padded gamma image, also after float32 rounding', () => {
    const a = 1 / Math.sqrt(3);
    const rows = [
      [a, a, -a, 0],
      [-a, a, a, 0],
    ].map((r) => r.map((x) => Math.fround(x)));
    const words = detectSignCode(fromRows(rows));
    expect(words).not.toBeNull();
    expect(words?.length).toBe(3);
    const m = separationMetrics({ codebook: fromRows(rows), binary: words ?? undefined });
    expect(m.maxCosine).toBe(1 - (2 * 2) / 3);
  });

  it('returns null for codebooks that are not sign codes', () => {
    expect(
      detectSignCode(
        fromRows([
          [1, 0],
          [s, s],
        ]),
      ),
    ).toBeNull();
    expect(
      detectSignCode(
        fromRows([
          [1, 0],
          [0, 1],
        ]),
      ),
    ).toBeNull();
  });
});
