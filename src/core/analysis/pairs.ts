/**
 * All pairwise cosines of N prototypes, computed once (the O(N^2 n) part) and shared by the
 * histogram, the row order and the Gram image. Pair (i, j), i < j, is at pairIndex(i, j, N).
 */
export function pairIndex(i: number, j: number, N: number): number {
  return i * N - (i * (i + 1)) / 2 + (j - i - 1);
}

export function pairCosines(N: number, cos: (i: number, j: number) => number): Float64Array {
  const out = new Float64Array((N * (N - 1)) / 2);
  let p = 0;
  for (let i = 0; i < N; i++) for (let j = i + 1; j < N; j++) out[p++] = cos(i, j);
  return out;
}

/** A cosine function that reads the table (symmetric; 1 on the diagonal). */
export function tableCosine(table: Float64Array, N: number): (i: number, j: number) => number {
  return (i, j) => (i === j ? 1 : i < j ? table[pairIndex(i, j, N)] : table[pairIndex(j, i, N)]);
}
