import { describe, expect, it } from 'vitest';
import { symmetricEigen } from './eigen.ts';

describe('symmetricEigen', () => {
  it('[[2, 1], [1, 2]] has eigenvalues 1 and 3 with vectors (1, -1)/sqrt2 and (1, 1)/sqrt2', () => {
    const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    const order = values[0] < values[1] ? [0, 1] : [1, 0];
    expect(values[order[0]]).toBeCloseTo(1, 12);
    expect(values[order[1]]).toBeCloseTo(3, 12);
    const v3 = [vectors[order[1]], vectors[2 + order[1]]];
    expect(Math.abs(v3[0])).toBeCloseTo(Math.SQRT1_2, 12);
    expect(v3[0] * v3[1]).toBeCloseTo(0.5, 12);
  });

  it('reconstructs a 6 x 6 matrix as V diag(values) V^T with V orthogonal', () => {
    const d = 6;
    const a = new Float64Array(d * d);
    for (let i = 0; i < d; i++)
      for (let j = 0; j <= i; j++) a[i * d + j] = a[j * d + i] = Math.sin(i * 3 + j * 7 + 1);
    const { values, vectors } = symmetricEigen(a, d);
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) {
        let rebuilt = 0;
        let gram = 0;
        for (let k = 0; k < d; k++) {
          rebuilt += vectors[i * d + k] * values[k] * vectors[j * d + k];
          gram += vectors[k * d + i] * vectors[k * d + j];
        }
        expect(rebuilt).toBeCloseTo(a[i * d + j], 10);
        expect(gram).toBeCloseTo(i === j ? 1 : 0, 10);
      }
    }
  });

  it('rejects a matrix of the wrong size', () => {
    expect(() => symmetricEigen(new Float64Array(3), 2)).toThrow(/2 x 2 matrix needs 4 entries/);
  });
});
