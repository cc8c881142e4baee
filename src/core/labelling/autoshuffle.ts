import { type SinkhornResult, sinkhorn } from './sinkhorn.ts';

/**
 * AutoShuffleNet (Lyu, Zhang, Qi, Xin, KDD 2020): learn a permutation as a matrix P kept
 * doubly stochastic, plus the exact Lipschitz penalty
 *   sum over rows and columns p of (||p||_1 - ||p||_2).
 * ||p||_1 >= ||p||_2 with equality iff p has at most one non-zero entry, so on doubly
 * stochastic matrices the penalty is zero exactly at the permutation matrices: pushing it to
 * zero during training turns the soft relabelling into a hard one.
 */

function checkMatrix(matrix: Float64Array, rows: number, cols: number): void {
  if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(cols) || cols < 1) {
    throw new RangeError(`rows and cols must be positive integers, got ${rows} x ${cols}`);
  }
  if (matrix.length !== rows * cols) {
    throw new RangeError(`matrix has ${matrix.length} entries, expected ${rows * cols}`);
  }
  for (let k = 0; k < matrix.length; k++) {
    if (!Number.isFinite(matrix[k])) {
      throw new RangeError(`matrix entry ${k} is ${matrix[k]}; every entry must be finite`);
    }
  }
}

/** sum_i (||P_i:||_1 - ||P_i:||_2) + sum_j (||P_:j||_1 - ||P_:j||_2) and its gradient. */
export function autoshufflePenalty(
  matrix: Float64Array,
  rows: number,
  cols: number,
): { value: number; gradient: Float64Array } {
  checkMatrix(matrix, rows, cols);
  const rowNorm = new Float64Array(rows);
  const colNorm = new Float64Array(cols);
  let l1 = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const x = matrix[i * cols + j];
      l1 += Math.abs(x);
      rowNorm[i] += x * x;
      colNorm[j] += x * x;
    }
  }
  let l2 = 0;
  for (let i = 0; i < rows; i++) l2 += rowNorm[i] = Math.sqrt(rowNorm[i]);
  for (let j = 0; j < cols; j++) l2 += colNorm[j] = Math.sqrt(colNorm[j]);
  // Every entry sits in one row and one column: its |x| counts twice in the L1 part.
  const value = 2 * l1 - l2;

  // d/dx of 2|x| - ||row||_2 - ||col||_2; at x = 0 or a zero line, the subgradient 0 is used.
  const gradient = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const x = matrix[i * cols + j];
      const fromRow = rowNorm[i] > 0 ? x / rowNorm[i] : 0;
      const fromCol = colNorm[j] > 0 ? x / colNorm[j] : 0;
      gradient[i * cols + j] = 2 * Math.sign(x) - fromRow - fromCol;
    }
  }
  return { value, gradient };
}

export interface ProjectionOptions {
  /** Entries are clamped up to this before normalising; > 0 keeps every line sum positive. */
  readonly floor?: number;
  readonly tolerance?: number;
  readonly maxIterations?: number;
}

/**
 * Brings a matrix back to (nearly) doubly stochastic after a gradient step: clamp entries to
 * at least `floor` (default 1e-9), then alternately normalise rows and columns. That
 * alternation is Sinkhorn-Knopp on log(matrix) at temperature 1, so it reuses `sinkhorn`.
 */
export function projectToDoublyStochastic(
  matrix: Float64Array,
  size: number,
  options: ProjectionOptions = {},
): SinkhornResult {
  checkMatrix(matrix, size, size);
  const { floor = 1e-9, tolerance, maxIterations } = options;
  if (!(floor > 0) || !Number.isFinite(floor)) {
    throw new RangeError(`floor must be a positive finite number, got ${floor}`);
  }
  const logClamped = matrix.map((x) => Math.log(Math.max(x, floor)));
  return sinkhorn(logClamped, size, { temperature: 1, tolerance, maxIterations });
}
