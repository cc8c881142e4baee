/**
 * Temperature schedule for a learned soft permutation: start warm (every class can still move
 * to any prototype), end cold (the Sinkhorn matrix is nearly a permutation, so rounding it
 * changes little). Geometric, because Sinkhorn's sharpness depends on the ratio of score gaps
 * to the temperature: each epoch sharpens by the same factor.
 */
export interface AnnealingSchedule {
  /** Temperature at epoch 0; > 0. */
  readonly start: number;
  /** Temperature at the last epoch; > 0 (usually < start). */
  readonly end: number;
}

/** start * (end / start)^(epoch / (epochs - 1)); epochs = 1 gives `end` straight away. */
export function annealedTemperature(
  epoch: number,
  epochs: number,
  schedule: AnnealingSchedule,
): number {
  const { start, end } = schedule;
  if (!(start > 0) || !(end > 0) || !Number.isFinite(start) || !Number.isFinite(end)) {
    throw new RangeError(`temperatures must be positive and finite, got ${start} -> ${end}`);
  }
  if (!Number.isInteger(epochs) || epochs < 1) {
    throw new RangeError(`epochs must be a positive integer, got ${epochs}`);
  }
  if (!Number.isInteger(epoch) || epoch < 0 || epoch >= epochs) {
    throw new RangeError(`epoch must be an integer in [0, ${epochs}), got ${epoch}`);
  }
  if (epochs === 1) return end;
  if (epoch === epochs - 1) return end; // exact at the end, no rounding in the power
  return start * (end / start) ** (epoch / (epochs - 1));
}
