import { regularPolygon } from '../engine/polygon.ts';
import { createCodebook, gaussianRows } from '../math/codebook.ts';
import { createRandom } from '../math/random.ts';
import type { PrototypeMethod } from './types.ts';

/** I.i.d. Gaussian vectors, normalised: uniform on the sphere. The baseline every method must beat. */
export const randomMethod: PrototypeMethod = {
  id: 'random',
  label: 'Random',
  description:
    'Independent Gaussian vectors scaled to unit length: uniformly random points on the sphere.',
  params: [],
  feasibility: () => null,
  run({ N, n, seed }) {
    const random = createRandom(seed);
    return { codebook: createCodebook(N, n, gaussianRows(N, n, random.normal)) };
  },
};

/** The standard basis e_1..e_N: every pair orthogonal. */
export const onehotMethod: PrototypeMethod = {
  id: 'onehot',
  label: 'One-hot',
  description: 'Class i gets the i-th coordinate axis, so every pair of prototypes is orthogonal.',
  params: [],
  feasibility: (N, n) =>
    N <= n
      ? null
      : `one-hot needs N <= n (one axis per class), but N = ${N} > n = ${n}; try orthoplex or a code`,
  run({ N, n }) {
    const data = new Float64Array(N * n);
    for (let i = 0; i < N; i++) data[i * n + i] = 1;
    return { codebook: createCodebook(N, n, data) };
  },
};

/**
 * The cross-polytope (orthoplex) +-e_i: e_1..e_n first, then -e_1..-e_n, so for N <= n it is
 * one-hot and the max cosine is exactly 0 for every 3 <= N <= 2n (Rankin's orthoplex bound).
 */
export const orthoplexMethod: PrototypeMethod = {
  id: 'orthoplex',
  label: 'Cross-polytope',
  description:
    'The axes and their opposites, +e_i and -e_i: up to 2n prototypes with max cosine exactly 0, which is optimal for n+2 <= N <= 2n.',
  params: [],
  feasibility: (N, n) =>
    N <= 2 * n
      ? null
      : `the cross-polytope has only 2n = ${2 * n} points, but N = ${N}; use a code (rm, bch) or an optimiser`,
  run({ N, n }) {
    const data = new Float64Array(N * n);
    for (let i = 0; i < N; i++) {
      const axis = i % n;
      data[i * n + axis] = i < n ? 1 : -1;
    }
    return { codebook: createCodebook(N, n, data) };
  },
};

/**
 * Kasarla et al. 2022: the regular simplex. The prototypes are the columns of P_{N-1}, where
 * P_1 = [1, -1] and P_k = [[1, -(1/k) 1_k^T], [0, sqrt(1 - 1/k^2) P_{k-1}]] (k x (k+1)).
 * Written as a loop over coordinates (the recursion is N deep): coordinate r belongs to level
 * k = K - r, and every column j > r has picked up the factor prod sqrt(1 - 1/k^2) of the levels
 * above. Every pairwise cosine is -1/(N-1); the columns are unit length and sum to zero.
 */
export const kasarlaMethod: PrototypeMethod = {
  id: 'kasarla',
  label: 'Simplex (Kasarla)',
  citation:
    'Kasarla et al., Maximum class separation as inductive bias in one matrix, NeurIPS 2022',
  description:
    'The regular simplex: N points with every pairwise cosine exactly -1/(N-1), the best possible (Rankin), when N <= n+1.',
  params: [],
  feasibility: (N, n) =>
    N <= n + 1
      ? null
      : `the simplex needs N <= n+1 (N points span N-1 dimensions), but N = ${N} and n = ${n}`,
  run({ N, n }) {
    const K = N - 1; // P_K is K x (K+1)
    const data = new Float64Array(N * n);
    let scale = 1; // product of sqrt(1 - 1/k^2) over the levels above coordinate r
    for (let r = 0; r < K; r++) {
      const k = K - r;
      data[r * n + r] = scale; // column j = r: its leading 1, then zeros below
      const off = -scale / k;
      for (let j = r + 1; j < N; j++) data[j * n + r] = off;
      scale *= Math.sqrt(1 - 1 / (k * k));
    }
    return { codebook: createCodebook(N, n, data) };
  },
};

/**
 * The regular N-gon on one great circle (the first two axes): the best code on the circle, max
 * cosine exactly cos(2 pi / N), but it leaves every other dimension unused. A baseline between
 * random points and codes that use the whole sphere (the one-click separation question draws it
 * where one-hot and the cross-polytope do not fit).
 */
export const polygonMethod: PrototypeMethod = {
  id: 'polygon',
  label: 'Polygon on a great circle',
  description:
    'The N prototypes evenly spaced on one great circle: max cosine exactly cos(2π/N), optimal for n = 2 but blind to the other dimensions.',
  params: [],
  feasibility: () => null,
  run({ N, n }) {
    return { codebook: createCodebook(N, n, regularPolygon(N, n)) };
  },
};
