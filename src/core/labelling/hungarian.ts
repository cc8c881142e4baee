/**
 * Exact linear assignment (Kuhn-Munkres in the Jonker-Volgenant form with row and column
 * potentials, O(rows^2 * cols)). Every relabelling that ends in a hard class -> prototype map
 * goes through here: Hungarian on class means, rounding a Sinkhorn matrix, the start of
 * structure matching.
 *
 * The cost matrix is row-major rows x cols with rows <= cols: each row (class) gets a distinct
 * column (prototype); with rows < cols some columns stay unused.
 */

export interface HungarianOptions {
  /** Maximise the total instead of minimising it (scores, similarities). */
  readonly maximize?: boolean;
}

/** Checks sizes and entries; a NaN or infinite entry has no meaningful optimum. */
function checkCostMatrix(cost: Float64Array, rows: number, cols: number): void {
  if (!Number.isInteger(rows) || rows < 0) {
    throw new RangeError(`rows must be a non-negative integer, got ${rows}`);
  }
  if (!Number.isInteger(cols) || cols < 0) {
    throw new RangeError(`cols must be a non-negative integer, got ${cols}`);
  }
  if (rows > cols) {
    throw new RangeError(
      `an assignment needs rows <= cols (each row gets its own column), got ${rows} x ${cols}`,
    );
  }
  if (cost.length !== rows * cols) {
    throw new RangeError(
      `cost matrix has ${cost.length} entries, expected rows*cols = ${rows * cols}`,
    );
  }
  for (let k = 0; k < cost.length; k++) {
    if (!Number.isFinite(cost[k])) {
      const r = Math.floor(k / cols);
      throw new RangeError(
        `cost matrix entry (${r}, ${k - r * cols}) is ${cost[k]}; every entry must be finite`,
      );
    }
  }
}

/**
 * Minimum-cost (or, with `maximize`, maximum-score) assignment. Returns, for each row, its
 * column; the columns are distinct. Ties are broken deterministically but arbitrarily: only
 * the total is unique.
 */
export function hungarian(
  cost: Float64Array,
  rows: number,
  cols: number,
  options: HungarianOptions = {},
): Int32Array {
  checkCostMatrix(cost, rows, cols);
  const sign = options.maximize ? -1 : 1;
  // 1-based indices as in the classical formulation: column 0 is a virtual start column and
  // columnOwner[j] = 0 means column j is free.
  const u = new Float64Array(rows + 1);
  const v = new Float64Array(cols + 1);
  const columnOwner = new Int32Array(cols + 1);
  const previousColumn = new Int32Array(cols + 1);
  const minSlack = new Float64Array(cols + 1);
  const visited = new Uint8Array(cols + 1);

  for (let i = 1; i <= rows; i++) {
    // Grow a shortest augmenting path (Dijkstra on reduced costs) from row i to a free column.
    columnOwner[0] = i;
    let j0 = 0;
    minSlack.fill(Number.POSITIVE_INFINITY);
    visited.fill(0);
    do {
      visited[j0] = 1;
      const i0 = columnOwner[j0];
      const rowOffset = (i0 - 1) * cols - 1;
      let delta = Number.POSITIVE_INFINITY;
      let j1 = -1;
      for (let j = 1; j <= cols; j++) {
        if (visited[j]) continue;
        const slack = sign * cost[rowOffset + j] - u[i0] - v[j];
        if (slack < minSlack[j]) {
          minSlack[j] = slack;
          previousColumn[j] = j0;
        }
        if (minSlack[j] < delta) {
          delta = minSlack[j];
          j1 = j;
        }
      }
      // With finite costs and rows <= cols an unvisited column always exists.
      if (j1 < 0) throw new Error('hungarian: no augmenting column (internal error)');
      for (let j = 0; j <= cols; j++) {
        if (visited[j]) {
          u[columnOwner[j]] += delta;
          v[j] -= delta;
        } else {
          minSlack[j] -= delta;
        }
      }
      j0 = j1;
    } while (columnOwner[j0] !== 0);
    // Flip the path: every column on it passes to the row that reached it.
    do {
      const j1 = previousColumn[j0];
      columnOwner[j0] = columnOwner[j1];
      j0 = j1;
    } while (j0 !== 0);
  }

  const assignment = new Int32Array(rows);
  for (let j = 1; j <= cols; j++) {
    if (columnOwner[j] !== 0) assignment[columnOwner[j] - 1] = j - 1;
  }
  return assignment;
}

/** Maximum-score assignment: `hungarian` with `maximize: true`. */
export function hungarianMax(score: Float64Array, rows: number, cols: number): Int32Array {
  return hungarian(score, rows, cols, { maximize: true });
}

/** Sum of cost[row, assignment[row]] over the rows: the objective of an assignment. */
export function assignmentTotal(cost: Float64Array, cols: number, assignment: Int32Array): number {
  let total = 0;
  for (let r = 0; r < assignment.length; r++) {
    const c = assignment[r];
    if (!Number.isInteger(c) || c < 0 || c >= cols) {
      throw new RangeError(`assignment[${r}] = ${c} is not a column in [0, ${cols})`);
    }
    total += cost[r * cols + c];
  }
  return total;
}
