/**
 * Exhaustive enumeration of assignments for tiny sizes: the ground truth that the tests hold
 * the Hungarian algorithm and the structure-matching heuristic against. cols!/(cols-rows)!
 * visits, so only for rows, cols <= 8 or so.
 */

/** Calls `visit` once for every injection rows -> cols (each row a distinct column). */
export function forEachInjection(
  rows: number,
  cols: number,
  visit: (assignment: Int32Array) => void,
): void {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || rows > cols) {
    throw new RangeError(`need integers 0 <= rows <= cols, got ${rows} x ${cols}`);
  }
  const assignment = new Int32Array(rows);
  const used = new Uint8Array(cols);
  const place = (row: number): void => {
    if (row === rows) {
      visit(assignment);
      return;
    }
    for (let c = 0; c < cols; c++) {
      if (used[c]) continue;
      used[c] = 1;
      assignment[row] = c;
      place(row + 1);
      used[c] = 0;
    }
  };
  place(0);
}

/** The best value of `objective` over all injections rows -> cols (maximum or minimum). */
export function bruteForceOptimum(
  rows: number,
  cols: number,
  objective: (assignment: Int32Array) => number,
  maximize: boolean,
): { value: number; count: number } {
  let value = maximize ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  let count = 0;
  forEachInjection(rows, cols, (a) => {
    const f = objective(a);
    count++;
    if (maximize ? f > value : f < value) value = f;
  });
  return { value, count };
}
