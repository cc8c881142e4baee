/**
 * The Gram matrix as an image of at most `cap` x `cap` cells (level of detail for large N):
 * cell (a, b) covers a block of rows and columns of the reordered matrix and holds the LARGEST
 * cosine in the block (off the diagonal), so a close pair never disappears when it is averaged
 * with well-separated ones. Diagonal cells (the 1s) are NaN, which the heatmap paints neutral.
 */
export interface GramImage {
  /** Cells per side. */
  readonly size: number;
  /** Row-major size x size; NaN on the diagonal of a full-resolution image. */
  readonly cells: Float32Array;
  /** Prototypes per cell along each side (1 at full resolution). */
  readonly block: number;
  readonly order: Uint32Array;
}

export function gramImage(
  N: number,
  cos: (i: number, j: number) => number,
  order: Uint32Array,
  cap = 256,
): GramImage {
  const size = Math.min(N, cap);
  const cells = new Float32Array(size * size).fill(-Infinity);
  // Position p of the order falls in cell floor(p * size / N).
  const cellOf = new Uint32Array(N);
  for (let p = 0; p < N; p++) cellOf[p] = Math.floor((p * size) / N);
  for (let p = 0; p < N; p++) {
    const a = cellOf[p];
    for (let q = p + 1; q < N; q++) {
      const b = cellOf[q];
      const c = cos(order[p], order[q]);
      if (c > cells[a * size + b]) {
        cells[a * size + b] = c;
        cells[b * size + a] = c;
      }
    }
  }
  // Cells that hold no off-diagonal pair (the diagonal at full resolution) are NaN.
  for (let k = 0; k < cells.length; k++) if (cells[k] === -Infinity) cells[k] = Number.NaN;
  return { size, cells, block: N / size, order };
}
