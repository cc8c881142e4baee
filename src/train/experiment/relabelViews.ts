/**
 * What explains a relabelling's effect: the prototype Gram matrix seen in class order before and
 * after (class k's row uses prototype assignment[k]), the similar classes (same superclass, or
 * most similar by data) that ended far apart, and how each class's accuracy changed.
 */
import { createCodebook, gramMatrix } from '../../core/math/codebook.ts';
import type { RunResult } from './types.ts';

/** K x K cosines between the prototypes of classes i and j under an assignment. */
export function classGram(
  prototypes: Float64Array,
  N: number,
  n: number,
  assignment: readonly number[],
): Float64Array {
  const G = gramMatrix(createCodebook(N, n, prototypes));
  const K = assignment.length;
  const out = new Float64Array(K * K);
  for (let i = 0; i < K; i++) {
    for (let j = 0; j < K; j++) out[i * K + j] = G[assignment[i] * N + assignment[j]];
  }
  return out;
}

export interface FarPair {
  readonly a: number;
  readonly b: number;
  readonly cosine: number;
}

/**
 * Pairs of classes in the same superclass whose prototypes have cosine <= `threshold`, most
 * opposed first (cosine -1: antipodal, like leopard and lion under RM's codeword order).
 */
export function similarButFar(
  gram: Float64Array,
  coarseOfClass: readonly number[],
  threshold = -0.5,
): FarPair[] {
  const K = coarseOfClass.length;
  const out: FarPair[] = [];
  for (let a = 0; a < K; a++) {
    for (let b = a + 1; b < K; b++) {
      const cosine = gram[a * K + b];
      if (coarseOfClass[a] === coarseOfClass[b] && cosine <= threshold) out.push({ a, b, cosine });
    }
  }
  return out.sort((x, y) => x.cosine - y.cosine || x.a - y.a || x.b - y.b);
}

/** Mean over seeds of per-class accuracy, for the runs given (all with K classes). */
export function meanPerClass(
  runs: ReadonlyArray<{ perClassAccuracy: readonly number[] }>,
): number[] {
  if (runs.length === 0) return [];
  const K = runs[0].perClassAccuracy.length;
  const out = new Array<number>(K).fill(0);
  for (const r of runs) for (let k = 0; k < K; k++) out[k] += r.perClassAccuracy[k] / runs.length;
  return out;
}

/**
 * The talk's example in numbers: the most opposed pair of same-superclass classes under one run's
 * labelling (`before`, e.g. dataset order) and that pair's cosine under another run's (`after`,
 * the same prototypes relabelled). Null without superclasses or such a pair.
 */
export function opposedPair(
  before: Pick<RunResult, 'prototypes' | 'N' | 'n' | 'assignment'>,
  after: Pick<RunResult, 'prototypes' | 'N' | 'n' | 'assignment'>,
  coarseOfClass: readonly number[] | null,
): { a: number; b: number; before: number; after: number } | null {
  if (!coarseOfClass) return null;
  const gram = (r: typeof before) =>
    classGram(Float64Array.from(r.prototypes), r.N, r.n, r.assignment);
  const [far] = similarButFar(gram(before), coarseOfClass);
  if (!far) return null;
  const K = coarseOfClass.length;
  return { a: far.a, b: far.b, before: far.cosine, after: gram(after)[far.a * K + far.b] };
}
