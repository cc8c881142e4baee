/**
 * Decoding by nearest prototype, y_hat = argmax_k <z, c_assignment[k]>, and the scores that follow
 * from it. Plain arrays (no tensors): it runs on embeddings already read back from the backend.
 */

/** Predicted class of each of `count` embeddings (rows of n numbers); ties go to the lower class. */
export function nearestPrototype(
  embeddings: Float32Array,
  count: number,
  n: number,
  prototypes: Float64Array,
  assignment: Int32Array,
): Int32Array {
  const K = assignment.length;
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    let best = 0;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < K; k++) {
      const c = assignment[k] * n;
      let s = 0;
      for (let j = 0; j < n; j++) s += embeddings[i * n + j] * prototypes[c + j];
      if (s > bestScore) {
        bestScore = s;
        best = k;
      }
    }
    out[i] = best;
  }
  return out;
}

export interface Scores {
  readonly accuracy: number;
  /** Fraction right of each class's images (0 for a class with no images). */
  readonly perClassAccuracy: number[];
  /** K x K, row = true class, column = predicted class. */
  readonly confusion: Int32Array;
}

export function scorePredictions(
  labels: ArrayLike<number>,
  predictions: Int32Array,
  classCount: number,
): Scores {
  const K = classCount;
  const confusion = new Int32Array(K * K);
  let right = 0;
  for (let i = 0; i < predictions.length; i++) {
    confusion[labels[i] * K + predictions[i]]++;
    if (labels[i] === predictions[i]) right++;
  }
  const perClassAccuracy: number[] = [];
  for (let k = 0; k < K; k++) {
    let total = 0;
    for (let j = 0; j < K; j++) total += confusion[k * K + j];
    perClassAccuracy.push(total === 0 ? 0 : confusion[k * K + k] / total);
  }
  return {
    accuracy: predictions.length === 0 ? 0 : right / predictions.length,
    perClassAccuracy,
    confusion,
  };
}
