import { describe, expect, it } from 'vitest';
import { createRandom } from '../math/random.ts';
import { bruteForceOptimum } from './bruteForce.ts';
import { assignmentTotal, hungarian, hungarianMax } from './hungarian.ts';

/** Each row gets a column in range and no column is used twice. */
function expectInjection(assignment: Int32Array, rows: number, cols: number): void {
  expect(assignment.length).toBe(rows);
  const seen = new Set<number>();
  for (const c of assignment) {
    expect(Number.isInteger(c) && c >= 0 && c < cols).toBe(true);
    seen.add(c);
  }
  expect(seen.size).toBe(rows);
}

const matrix = (rows: number[][]) => Float64Array.from(rows.flat());

describe('hungarian', () => {
  it('solves the 3x3 textbook matrix: unique optimum rows -> (1, 0, 2), total 1 + 2 + 2 = 5', () => {
    const cost = matrix([
      [4, 1, 3],
      [2, 0, 5],
      [3, 2, 2],
    ]);
    const a = hungarian(cost, 3, 3);
    expect(Array.from(a)).toEqual([1, 0, 2]);
    expect(assignmentTotal(cost, 3, a)).toBe(5);
  });

  it('solves the 4x4 jobs matrix: 69 + 37 + 11 + 23 = 140', () => {
    const cost = matrix([
      [82, 83, 69, 92],
      [77, 37, 49, 92],
      [11, 69, 5, 86],
      [8, 9, 98, 23],
    ]);
    const a = hungarian(cost, 4, 4);
    expect(Array.from(a)).toEqual([2, 1, 0, 3]);
    expect(assignmentTotal(cost, 4, a)).toBe(140);
    expect(bruteForceOptimum(4, 4, (p) => assignmentTotal(cost, 4, p), false).value).toBe(140);
  });

  it('maximises with hungarianMax and with the maximize option', () => {
    // 2x3, rows i -> columns: totals of the six injections are 5, 7, 4, 8, 5, 7.
    const cost = matrix([
      [1, 2, 3],
      [2, 4, 6],
    ]);
    expect(Array.from(hungarian(cost, 2, 3))).toEqual([1, 0]); // 2 + 2 = 4
    expect(Array.from(hungarianMax(cost, 2, 3))).toEqual([1, 2]); // 2 + 6 = 8
    expect(Array.from(hungarian(cost, 2, 3, { maximize: true }))).toEqual([1, 2]);
  });

  it('leaves the worst columns unused in a rectangular problem', () => {
    // Column 1 is far more expensive for everyone: a 2x3 optimum avoids it.
    const cost = matrix([
      [1, 100, 2],
      [2, 100, 1],
    ]);
    expect(Array.from(hungarian(cost, 2, 3))).toEqual([0, 2]);
  });

  it('returns an optimal injection when every assignment ties', () => {
    const cost = new Float64Array(5 * 5).fill(3);
    const a = hungarian(cost, 5, 5);
    expectInjection(a, 5, 5);
    expect(assignmentTotal(cost, 5, a)).toBe(15);
  });

  it('returns one of several optima on a matrix with ties, with the optimal total', () => {
    // Rows 0 and 1 are identical: swapping their columns keeps the total 1 + 2 + 0 = 3.
    const cost = matrix([
      [1, 2, 9],
      [1, 2, 9],
      [5, 5, 0],
    ]);
    const a = hungarian(cost, 3, 3);
    expectInjection(a, 3, 3);
    expect(assignmentTotal(cost, 3, a)).toBe(3);
  });

  it('matches brute force over all injections on seeded random matrices up to 8x8', () => {
    const random = createRandom(20240707);
    for (let trial = 0; trial < 60; trial++) {
      const cols = 1 + random.int(8);
      const rows = 1 + random.int(cols);
      // Small integers force many ties; Gaussians give generic instances.
      const cost = new Float64Array(rows * cols);
      for (let k = 0; k < cost.length; k++) {
        cost[k] = trial % 2 ? random.int(4) : random.normal() * 10;
      }
      const total = (p: Int32Array) => assignmentTotal(cost, cols, p);
      for (const maximize of [false, true]) {
        const a = hungarian(cost, rows, cols, { maximize });
        expectInjection(a, rows, cols);
        const best = bruteForceOptimum(rows, cols, total, maximize);
        expect(total(a)).toBeCloseTo(best.value, 9);
      }
    }
  });

  it('handles 0 rows and 1x1', () => {
    expect(hungarian(new Float64Array(0), 0, 0).length).toBe(0);
    expect(hungarian(new Float64Array(0), 0, 4).length).toBe(0);
    expect(Array.from(hungarian(Float64Array.of(-7), 1, 1))).toEqual([0]);
  });

  it('solves a 200x200 problem to a valid injection no worse than the identity', () => {
    const random = createRandom(5);
    const n = 200;
    const cost = new Float64Array(n * n);
    for (let k = 0; k < cost.length; k++) cost[k] = random.next();
    const a = hungarian(cost, n, n);
    expectInjection(a, n, n);
    const identity = Int32Array.from({ length: n }, (_, i) => i);
    expect(assignmentTotal(cost, n, a)).toBeLessThan(assignmentTotal(cost, n, identity));
    // At an optimum no single swap of two rows' columns improves.
    let bestSwapGain = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const now = cost[i * n + a[i]] + cost[j * n + a[j]];
        const swapped = cost[i * n + a[j]] + cost[j * n + a[i]];
        bestSwapGain = Math.max(bestSwapGain, now - swapped);
      }
    }
    expect(bestSwapGain).toBeLessThan(1e-12);
  });

  it('rejects NaN, Infinity, wrong sizes and more rows than columns', () => {
    expect(() => hungarian(Float64Array.of(1, Number.NaN, 2, 3), 2, 2)).toThrow(
      /entry \(0, 1\) is NaN/,
    );
    expect(() => hungarian(Float64Array.of(1, 2, Number.POSITIVE_INFINITY, 3), 2, 2)).toThrow(
      /entry \(1, 0\) is Infinity/,
    );
    expect(() => hungarian(new Float64Array(3), 2, 2)).toThrow(RangeError);
    expect(() => hungarian(new Float64Array(6), 3, 2)).toThrow(/rows <= cols/);
    expect(() => hungarian(new Float64Array(0), -1, 0)).toThrow(/rows must be/);
    expect(() => hungarian(new Float64Array(2), 1, 2.5)).toThrow(/cols must be/);
  });
});

describe('assignmentTotal', () => {
  it('adds the chosen entries and rejects columns out of range', () => {
    const cost = matrix([
      [1, 2],
      [3, 4],
    ]);
    expect(assignmentTotal(cost, 2, Int32Array.of(1, 0))).toBe(5);
    expect(() => assignmentTotal(cost, 2, Int32Array.of(2, 0))).toThrow(RangeError);
  });
});
