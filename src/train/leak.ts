/**
 * The tensor-count checks of every run, live or in an experiment: a step frees all it makes, so
 * the count after each epoch equals the first epoch's, and a freed run leaves none behind.
 */
export interface TensorCount {
  readonly epoch: number;
  readonly numTensors: number;
}

const SAME = '(the count should stay the same)';

/** A sentence when the count after epoch `now` differs from the one after `base`, else null. */
export function tensorLeak(base: TensorCount, now: TensorCount): string | null {
  if (now.numTensors === base.numTensors) return null;
  return `Memory leak: ${base.numTensors} tensors after epoch ${base.epoch}, ${now.numTensors} after epoch ${now.epoch} ${SAME}.`;
}

/**
 * A sentence when a freed run left tensors behind, else null. (Fewer is not this run's doing:
 * the work of a run abandoned on a lost device may still be freeing its own.)
 */
export function runLeak(before: number, after: number): string | null {
  if (after <= before) return null;
  return `Memory leak: ${before} tensors before the run, ${after} after it was freed ${SAME}.`;
}
