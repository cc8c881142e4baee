/**
 * Eigendecomposition of a small symmetric matrix by cyclic Jacobi rotations: exact to rounding,
 * simple, and fast enough for the ~100 x 100 patch covariance that whitening needs.
 */
export interface Eigen {
  /** Eigenvalues, in no particular order. */
  readonly values: Float64Array;
  /** Column j (entries j, d + j, 2d + j, ...) is the unit eigenvector of values[j]. */
  readonly vectors: Float64Array;
}

export function symmetricEigen(matrix: Float64Array, d: number, maxSweeps = 50): Eigen {
  if (matrix.length !== d * d) {
    throw new RangeError(`a ${d} x ${d} matrix needs ${d * d} entries, got ${matrix.length}`);
  }
  const a = Float64Array.from(matrix);
  const v = new Float64Array(d * d);
  for (let i = 0; i < d; i++) v[i * d + i] = 1;
  let scale = 0;
  for (let i = 0; i < d * d; i++) scale += a[i] * a[i];
  const tolerance = 1e-24 * Math.max(scale, Number.MIN_VALUE);
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let off = 0;
    for (let p = 0; p < d; p++) for (let q = p + 1; q < d; q++) off += a[p * d + q] ** 2;
    if (off <= tolerance) break;
    for (let p = 0; p < d - 1; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = a[p * d + q];
        if (apq === 0) continue;
        // The rotation angle that zeroes a[p][q] (Golub & Van Loan, Algorithm 8.4.1).
        const theta = (a[q * d + q] - a[p * d + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < d; k++) {
          const akp = a[k * d + p];
          const akq = a[k * d + q];
          a[k * d + p] = c * akp - s * akq;
          a[k * d + q] = s * akp + c * akq;
        }
        for (let k = 0; k < d; k++) {
          const apk = a[p * d + k];
          const aqk = a[q * d + k];
          a[p * d + k] = c * apk - s * aqk;
          a[q * d + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < d; k++) {
          const vkp = v[k * d + p];
          const vkq = v[k * d + q];
          v[k * d + p] = c * vkp - s * vkq;
          v[k * d + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(d);
  for (let i = 0; i < d; i++) values[i] = a[i * d + i];
  return { values, vectors: v };
}
