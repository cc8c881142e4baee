import { describe, expect, it } from 'vitest';
import { createBinaryWords, setBit } from '../math/binaryWords.ts';
import { createCodebook, dotRows } from '../math/codebook.ts';
import { cosineHistogram } from '../metrics/separation.ts';
import { cosineColour, cosineRgba } from './colormap.ts';
import { gramImage } from './gramImage.ts';
import { bitString, hammingWindow } from './hamming.ts';
import { binsFor, histogramBars, rangeHistogram } from './histogram.ts';
import { greedyNearestOrder, identityOrder } from './order.ts';
import { pairCosines, pairIndex, tableCosine } from './pairs.ts';
import { linearScale, log2Scale, log2Ticks, niceTicks, sweepDimensions } from './scales.ts';

const orthoplex3 = createCodebook(
  6,
  3,
  Float64Array.from([1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1]),
);

describe('scales', () => {
  it('maps linearly, also reversed', () => {
    const y = linearScale([-1, 1], [100, 0]);
    expect(y(-1)).toBe(100);
    expect(y(0)).toBe(50);
    expect(y(1)).toBe(0);
  });
  it('maps powers of two evenly on a log2 scale', () => {
    const x = log2Scale([2, 512], [0, 80]);
    expect(x(2)).toBe(0);
    expect(x(512)).toBe(80);
    expect(x(32)).toBeCloseTo(40, 12);
    expect(() => log2Scale([0, 1], [0, 1])).toThrow();
  });
  it('makes round ticks inside the interval', () => {
    expect(niceTicks(-1, 1, 4)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(niceTicks(-0.35, 0.05, 4)).toEqual([-0.3, -0.2, -0.1, 0]);
    expect(niceTicks(0, 7, 4)).toEqual([0, 2, 4, 6]);
    expect(log2Ticks(2, 512)).toEqual([2, 4, 8, 16, 32, 64, 128, 256, 512]);
  });
  it('sweeps powers of two and the midpoints between', () => {
    expect(sweepDimensions(32)).toEqual([2, 3, 4, 6, 8, 12, 16, 24, 32]);
    expect(sweepDimensions(512).length).toBe(17);
  });
});

describe('histogram bars', () => {
  it('shows the octahedron as 12 pairs at 0 and 3 at -1', () => {
    const set = { codebook: orthoplex3 };
    const h = cosineHistogram(set, 20);
    const { bars, lo, hi, maxCount } = histogramBars(h);
    expect(maxCount).toBe(12);
    expect(bars[0]).toEqual({ from: -1, to: -0.9, count: 3 });
    expect(bars.at(-1)?.count).toBe(12);
    expect(bars.at(-1)?.from).toBeCloseTo(0, 12);
    expect(lo).toBe(-1);
    expect(hi).toBeCloseTo(0.2, 12);
    expect(bars.reduce((s, b) => s + b.count, 0)).toBe(15);
  });
  it('chooses coarse bins for few pairs and caps them for many', () => {
    expect(binsFor(6)).toBe(5);
    expect(binsFor(1e6)).toBe(120);
  });
});

describe('histograms over the range the cosines take', () => {
  it('bins [min, max] with an empty margin bin on each side', () => {
    const h = rangeHistogram([-1, -1, -1, 0, 0, 0, 0], 4);
    expect(Array.from(h.edges)).toEqual([-1.25, -1, -0.75, -0.5, -0.25, 0, 0.25]);
    expect(Array.from(h.counts)).toEqual([0, 3, 0, 0, 4, 0]);
    expect(h.pairs).toBe(7);
    const { bars, lo, hi } = histogramBars(h);
    expect([lo, hi]).toEqual([-1.25, 0.25]);
    expect(bars.map((b) => b.count)).toEqual([3, 0, 0, 4]);
  });
  it('widens a single value (all pairs equal) to a range of 0.1 around it', () => {
    const h = rangeHistogram([-1 / 3, -1 / 3], 5);
    expect(h.edges[1]).toBeCloseTo(-1 / 3 - 0.05, 12);
    expect(h.edges[6]).toBeCloseTo(-1 / 3 + 0.05, 12);
    expect(Array.from(h.counts)).toEqual([0, 0, 0, 2, 0, 0, 0]);
  });
  it('can leave a thin far-left tail off the axis, counting it', () => {
    const values = [-1, ...Array.from({ length: 99 }, (_, k) => (k % 2 ? 0.01 : -0.01))];
    const h = rangeHistogram(values, 2, 0.02);
    expect(h.below).toBe(1);
    expect(h.edges[1]).toBe(-0.01);
    expect(Array.from(h.counts)).toEqual([0, 50, 49, 0]);
    // Without a tail every value is binned.
    expect(rangeHistogram(values, 2).below).toBe(0);
  });
  it('keeps every pair once, in pair order', () => {
    const cos = (i: number, j: number) => dotRows(orthoplex3, i, j);
    const table = pairCosines(6, cos);
    expect(table.length).toBe(15);
    expect(table[pairIndex(0, 1, 6)]).toBe(-1);
    expect(table[pairIndex(4, 5, 6)]).toBe(-1);
    const back = tableCosine(table, 6);
    for (let i = 0; i < 6; i++)
      for (let j = 0; j < 6; j++) expect(back(i, j)).toBe(i === j ? 1 : cos(i, j));
  });
});

describe('row orders and the Gram image', () => {
  const cos = (i: number, j: number) => dotRows(orthoplex3, i, j);
  it('chains nearest neighbours, deterministically', () => {
    // From e1 every other vector but -e1 has cosine 0; ties go to the smallest index.
    expect(Array.from(greedyNearestOrder(6, cos))).toEqual([0, 2, 1, 3, 4, 5]);
    expect(Array.from(identityOrder(3))).toEqual([0, 1, 2]);
  });
  it('is the Gram matrix at full resolution, NaN on the diagonal', () => {
    const img = gramImage(6, cos, identityOrder(6));
    expect(img.size).toBe(6);
    expect(img.block).toBe(1);
    expect(Number.isNaN(img.cells[0])).toBe(true);
    expect(img.cells[1]).toBe(-1);
    expect(img.cells[2]).toBe(0);
  });
  it('keeps the largest cosine of each block at a lower resolution', () => {
    const img = gramImage(6, cos, identityOrder(6), 3);
    expect(img.size).toBe(3);
    expect(img.block).toBe(2);
    // Block (0,0) holds only the pair (0,1): cosine -1. Block (0,1) holds cosines 0.
    expect(img.cells[0]).toBe(-1);
    expect(img.cells[1]).toBe(0);
  });
});

describe('codewords', () => {
  it('prints bits and exact Hamming cosines', () => {
    const w = createBinaryWords(3, 4);
    setBit(w, 1, 0, 1);
    setBit(w, 1, 1, 1);
    setBit(w, 2, 0, 1);
    setBit(w, 2, 1, 1);
    setBit(w, 2, 2, 1);
    setBit(w, 2, 3, 1);
    expect(bitString(w, 1)).toBe('1100');
    expect(bitString(w, 2, 2)).toBe('11…');
    const { distances, cosines } = hammingWindow(w, 5);
    expect(distances).toEqual([
      [0, 2, 4],
      [2, 0, 2],
      [4, 2, 0],
    ]);
    expect(cosines[0]).toEqual([1, 0, -1]);
  });
});

describe('colour map', () => {
  it('is the background at 0 and hot at 1', () => {
    expect(cosineColour(0)).toEqual([36, 44, 70]);
    expect(cosineColour(1)).toEqual([255, 196, 96]);
    expect(cosineColour(Number.NaN)).toEqual([70, 78, 96]);
    expect(cosineColour(2)).toEqual(cosineColour(1));
  });

  it('paints a whole image from its table within one colour step of the exact map', () => {
    const cells = Float32Array.from({ length: 401 }, (_, k) => -1 + k / 200);
    cells[7] = Number.NaN;
    const rgba = cosineRgba(cells);
    expect(rgba.length).toBe(cells.length * 4);
    // The ends and the diagonal are exact, every cell is opaque.
    expect([...rgba.subarray(0, 3)]).toEqual(cosineColour(-1));
    expect([...rgba.subarray(400 * 4, 400 * 4 + 3)]).toEqual(cosineColour(1));
    expect([...rgba.subarray(7 * 4, 7 * 4 + 3)]).toEqual(cosineColour(Number.NaN));
    cells.forEach((c, k) => {
      expect(rgba[k * 4 + 3]).toBe(255);
      if (Number.isNaN(c)) return;
      const exact = cosineColour(c);
      for (let ch = 0; ch < 3; ch++)
        expect(Math.abs(rgba[k * 4 + ch] - exact[ch])).toBeLessThanOrEqual(1);
    });
  });
});
