import { createRandom, randomPermutation } from '../math/random.ts';
import { hungarianMax } from './hungarian.ts';
import { checkLabelling, identityLabelling, type Labelling } from './permutation.ts';

/**
 * Structure matching: put similar classes on nearby prototypes. Given a class similarity S
 * (K x K: from data, or a hierarchy such as CIFAR-100's 20 superclasses) and the prototype
 * Gram matrix G (N x N, N >= K), find the injection pi maximising
 *   f(pi) = sum_{i,j} S_ij G_{pi(i) pi(j)}.
 * This is a quadratic assignment problem (NP-hard), so: a deterministic, seeded heuristic.
 * Starts: Hungarian on a linearisation, the identity, and `restarts` seeded random
 * injections; each is improved by first-improvement local search over pairwise swaps (and,
 * when N > K, moves to unused prototypes) until no move improves. The best run wins. One sweep
 * costs O(K^2 (K + N)), so it is meant for K up to a few hundred.
 */

export interface StructureMatchingOptions {
  /** Seeds the random restarts; the same seed gives the same result. */
  readonly seed: number;
  /** Random starts on top of the linearisation and identity starts (default 8). */
  readonly restarts?: number;
  /** Cap on local-search sweeps per start (default 1000). */
  readonly maxSweeps?: number;
}

export interface StructureMatchingResult {
  readonly labelling: Labelling;
  /** f of the returned labelling. */
  readonly objective: number;
  /** f of the identity (dataset order), for comparison: never more than `objective`. */
  readonly identityObjective: number;
  /** Local searches run (2 + restarts). */
  readonly runs: number;
}

/** Same superclass = 1, else 0 (the diagonal is 1): K x K, row-major. */
export function superclassSimilarity(
  coarseLabelOfClass: Uint8Array | readonly number[],
): Float64Array {
  const K = coarseLabelOfClass.length;
  for (let k = 0; k < K; k++) {
    const c = coarseLabelOfClass[k];
    if (!Number.isInteger(c) || c < 0) {
      throw new RangeError(`coarse label of class ${k} is ${c}; expected a non-negative integer`);
    }
  }
  const S = new Float64Array(K * K);
  for (let i = 0; i < K; i++) {
    for (let j = 0; j < K; j++)
      S[i * K + j] = coarseLabelOfClass[i] === coarseLabelOfClass[j] ? 1 : 0;
  }
  return S;
}

function checkSquare(name: string, matrix: Float64Array, size: number): void {
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`${name} size must be a positive integer, got ${size}`);
  }
  if (matrix.length !== size * size) {
    throw new RangeError(`${name} has ${matrix.length} entries, expected ${size} x ${size}`);
  }
  for (let k = 0; k < matrix.length; k++) {
    if (!Number.isFinite(matrix[k])) {
      throw new RangeError(`${name} entry ${k} is ${matrix[k]}; every entry must be finite`);
    }
  }
}

/** f(labelling) = sum_{i,j} S_ij G_{labelling(i) labelling(j)}. */
export function structureObjective(
  similarity: Float64Array,
  classes: number,
  gram: Float64Array,
  prototypes: number,
  labelling: Labelling,
): number {
  if (labelling.length !== classes) {
    throw new RangeError(`labelling has ${labelling.length} classes, expected ${classes}`);
  }
  checkLabelling(labelling, prototypes);
  let f = 0;
  for (let i = 0; i < classes; i++) {
    const gi = labelling[i] * prototypes;
    for (let j = 0; j < classes; j++) f += similarity[i * classes + j] * gram[gi + labelling[j]];
  }
  return f;
}

/**
 * Start for the search: score class i on prototype r by the best possible pairing of row i of
 * S with row r of G (both sorted descending, diagonals paired apart): the Gilmore-Lawler
 * linearisation (an upper bound on i's share when N = K), solved exactly by Hungarian.
 */
function linearisationStart(S: Float64Array, K: number, G: Float64Array, N: number): Labelling {
  const offDiagonalSorted = (m: Float64Array, size: number, row: number) => {
    const values: number[] = [];
    for (let j = 0; j < size; j++) if (j !== row) values.push(m[row * size + j]);
    return values.sort((a, b) => b - a);
  };
  const sRows = Array.from({ length: K }, (_, i) => offDiagonalSorted(S, K, i));
  const gRows = Array.from({ length: N }, (_, r) => offDiagonalSorted(G, N, r));
  const scores = new Float64Array(K * N);
  for (let i = 0; i < K; i++) {
    for (let r = 0; r < N; r++) {
      let s = S[i * K + i] * G[r * N + r];
      for (let t = 0; t < K - 1; t++) s += sRows[i][t] * gRows[r][t];
      scores[i * N + r] = s;
    }
  }
  return hungarianMax(scores, K, N);
}

/** Change of f when classes a and b exchange prototypes. O(K). */
function swapGain(
  S: Float64Array,
  K: number,
  G: Float64Array,
  N: number,
  p: Labelling,
  a: number,
  b: number,
): number {
  const pa = p[a];
  const pb = p[b];
  let gain = 0;
  for (let k = 0; k < K; k++) {
    if (k === a || k === b) continue;
    const pk = p[k];
    gain += (S[a * K + k] - S[b * K + k]) * (G[pb * N + pk] - G[pa * N + pk]);
    gain += (S[k * K + a] - S[k * K + b]) * (G[pk * N + pb] - G[pk * N + pa]);
  }
  gain += (S[a * K + a] - S[b * K + b]) * (G[pb * N + pb] - G[pa * N + pa]);
  gain += (S[a * K + b] - S[b * K + a]) * (G[pb * N + pa] - G[pa * N + pb]);
  return gain;
}

/** Change of f when class a moves to the unused prototype u. O(K). */
function moveGain(
  S: Float64Array,
  K: number,
  G: Float64Array,
  N: number,
  p: Labelling,
  a: number,
  u: number,
): number {
  const pa = p[a];
  let gain = S[a * K + a] * (G[u * N + u] - G[pa * N + pa]);
  for (let k = 0; k < K; k++) {
    if (k === a) continue;
    const pk = p[k];
    gain += S[a * K + k] * (G[u * N + pk] - G[pa * N + pk]);
    gain += S[k * K + a] * (G[pk * N + u] - G[pk * N + pa]);
  }
  return gain;
}

/** First-improvement local search in place; stops at a swap/move local optimum. */
function localSearch(
  S: Float64Array,
  K: number,
  G: Float64Array,
  N: number,
  p: Labelling,
  maxSweeps: number,
  epsilon: number,
): void {
  const used = new Uint8Array(N);
  for (const r of p) used[r] = 1;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let improved = false;
    for (let a = 0; a < K; a++) {
      for (let b = a + 1; b < K; b++) {
        if (swapGain(S, K, G, N, p, a, b) > epsilon) {
          const t = p[a];
          p[a] = p[b];
          p[b] = t;
          improved = true;
        }
      }
      for (let u = 0; u < N; u++) {
        if (used[u] || moveGain(S, K, G, N, p, a, u) <= epsilon) continue;
        used[p[a]] = 0;
        used[u] = 1;
        p[a] = u;
        improved = true;
      }
    }
    if (!improved) return;
  }
}

export function matchStructure(
  similarity: Float64Array,
  classes: number,
  gram: Float64Array,
  prototypes: number,
  options: StructureMatchingOptions,
): StructureMatchingResult {
  checkSquare('similarity', similarity, classes);
  checkSquare('gram', gram, prototypes);
  if (classes > prototypes) {
    throw new RangeError(`${classes} classes need at least as many prototypes, got ${prototypes}`);
  }
  const { seed, restarts = 8, maxSweeps = 1000 } = options;
  if (!Number.isInteger(restarts) || restarts < 0) {
    throw new RangeError(`restarts must be a non-negative integer, got ${restarts}`);
  }
  if (!Number.isInteger(maxSweeps) || maxSweeps < 1) {
    throw new RangeError(`maxSweeps must be a positive integer, got ${maxSweeps}`);
  }
  // Gains below rounding noise must not count as improvements, or the search could cycle.
  let sAbs = 0;
  let gMax = 0;
  for (const s of similarity) sAbs += Math.abs(s);
  for (const g of gram) gMax = Math.max(gMax, Math.abs(g));
  const epsilon = 1e-12 * sAbs * gMax;

  const random = createRandom(seed);
  const starts: Labelling[] = [
    linearisationStart(similarity, classes, gram, prototypes),
    identityLabelling(classes),
  ];
  for (let r = 0; r < restarts; r++)
    starts.push(randomPermutation(prototypes, random).slice(0, classes));

  let best = starts[0];
  let bestObjective = Number.NEGATIVE_INFINITY;
  for (const start of starts) {
    localSearch(similarity, classes, gram, prototypes, start, maxSweeps, epsilon);
    const f = structureObjective(similarity, classes, gram, prototypes, start);
    if (f > bestObjective) {
      best = start;
      bestObjective = f;
    }
  }
  return {
    labelling: best,
    objective: bestObjective,
    identityObjective: structureObjective(
      similarity,
      classes,
      gram,
      prototypes,
      identityLabelling(classes),
    ),
    runs: starts.length,
  };
}
