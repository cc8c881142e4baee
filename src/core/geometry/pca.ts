/**
 * The top principal axes of a point set, by block power (subspace) iteration on X^T X without
 * forming the n x n covariance: each sweep costs O(N n k), so it works for any n, and a live view
 * can warm-start from the previous axes and do a few sweeps a frame.
 */

export interface PrincipalAxes {
  /** k unit n-vectors, row-major (k x n), ordered by decreasing variance. */
  readonly axes: Float64Array;
  /** Variance along each axis (eigenvalues of the covariance). */
  readonly variances: Float64Array;
  readonly k: number;
  readonly n: number;
}

/** A fixed, well-spread start (deterministic: the same prototypes always give the same axes). */
function startAxes(k: number, n: number): Float64Array {
  const q = new Float64Array(k * n);
  let s = 0x9e3779b9;
  for (let i = 0; i < q.length; i++) {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    q[i] = s / 2 ** 32 - 0.5;
  }
  return q;
}

/** Orthonormalises the k rows in place (modified Gram-Schmidt); a vanishing row gets a fresh axis. */
function orthonormaliseRows(q: Float64Array, k: number, n: number): void {
  let fresh = 0;
  for (let r = 0; r < k; r++) {
    for (;;) {
      for (let pass = 0; pass < 2; pass++) {
        for (let p = 0; p < r; p++) {
          let d = 0;
          for (let c = 0; c < n; c++) d += q[r * n + c] * q[p * n + c];
          for (let c = 0; c < n; c++) q[r * n + c] -= d * q[p * n + c];
        }
      }
      let s = 0;
      for (let c = 0; c < n; c++) s += q[r * n + c] ** 2;
      if (s > 1e-20 || fresh >= n) {
        const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
        for (let c = 0; c < n; c++) q[r * n + c] *= inv;
        break;
      }
      // Rank-deficient data: any unit vector orthogonal to the previous axes will do.
      q.fill(0, r * n, (r + 1) * n);
      q[r * n + fresh++] = 1;
    }
  }
}

/**
 * Top `k` principal axes of the N points (row-major N x n), centred on their mean.
 * `init` (k x n) warm-starts the iteration; it stops when the subspace moves less than `tol`.
 */
export function principalAxes(
  data: ArrayLike<number>,
  N: number,
  n: number,
  k = 3,
  options: { init?: Float64Array; maxSweeps?: number; tol?: number } = {},
): PrincipalAxes {
  if (k > n) throw new RangeError(`cannot take ${k} principal axes in dimension ${n}`);
  const { maxSweeps = 50, tol = 1e-10 } = options;
  const mean = new Float64Array(n);
  for (let i = 0; i < N; i++) for (let c = 0; c < n; c++) mean[c] += data[i * n + c] / N;
  let q =
    options.init && options.init.length === k * n
      ? Float64Array.from(options.init)
      : startAxes(k, n);
  orthonormaliseRows(q, k, n);
  const proj = new Float64Array(k);
  const variances = new Float64Array(k);
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    // next = C q, with C = (X - mean)^T (X - mean) / N.
    const next = new Float64Array(k * n);
    for (let i = 0; i < N; i++) {
      for (let r = 0; r < k; r++) {
        let d = 0;
        for (let c = 0; c < n; c++) d += (data[i * n + c] - mean[c]) * q[r * n + c];
        proj[r] = d;
      }
      for (let r = 0; r < k; r++) {
        const d = proj[r] / N;
        for (let c = 0; c < n; c++) next[r * n + c] += d * (data[i * n + c] - mean[c]);
      }
    }
    for (let r = 0; r < k; r++) {
      let d = 0;
      for (let c = 0; c < n; c++) d += next[r * n + c] * q[r * n + c];
      variances[r] = d;
    }
    orthonormaliseRows(next, k, n);
    // Convergence: how far the new subspace is from the old one (sum of squared sines).
    let overlap = 0;
    for (let r = 0; r < k; r++) {
      for (let p = 0; p < k; p++) {
        let d = 0;
        for (let c = 0; c < n; c++) d += next[r * n + c] * q[p * n + c];
        overlap += d * d;
      }
    }
    q = next;
    if (k - overlap < tol) break;
  }
  // Order by variance (Rayleigh quotients), largest first.
  const order = [...Array(k).keys()].sort((a, b) => variances[b] - variances[a]);
  const axes = new Float64Array(k * n);
  const sorted = new Float64Array(k);
  order.forEach((r, slot) => {
    axes.set(q.subarray(r * n, (r + 1) * n), slot * n);
    sorted[slot] = variances[r];
  });
  return { axes, variances: sorted, k, n };
}

/** Coordinates of every point along the axes (not centred: points of the sphere land in the ball). */
export function projectOnto(
  data: ArrayLike<number>,
  N: number,
  n: number,
  axes: Float64Array,
  k: number,
  out: Float32Array = new Float32Array(N * k),
): Float32Array {
  for (let i = 0; i < N; i++) {
    for (let r = 0; r < k; r++) {
      let d = 0;
      for (let c = 0; c < n; c++) d += data[i * n + c] * axes[r * n + c];
      out[i * k + r] = d;
    }
  }
  return out;
}

/** Axes that pick coordinates (i, j, l): the "chosen coordinate triple" projection. */
export function coordinateAxes(triple: readonly number[], n: number): Float64Array {
  const axes = new Float64Array(triple.length * n);
  triple.forEach((c, r) => {
    if (!Number.isInteger(c) || c < 0 || c >= n) {
      throw new RangeError(`coordinate ${c} does not exist in dimension ${n} (0 to ${n - 1})`);
    }
    axes[r * n + c] = 1;
  });
  return axes;
}
