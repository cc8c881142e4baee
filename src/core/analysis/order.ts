/**
 * Row orders for the Gram heatmap. "class" is the identity; "cluster" is a greedy
 * nearest-neighbour chain: start at prototype 0 and always go to the most similar prototype
 * not yet visited, so prototypes that are close on the sphere sit next to each other and show
 * as bright blocks near the diagonal. O(N^2) cosine evaluations.
 */
export type RowOrder = 'class' | 'cluster';

export function identityOrder(N: number): Uint32Array {
  const out = new Uint32Array(N);
  for (let i = 0; i < N; i++) out[i] = i;
  return out;
}

export function greedyNearestOrder(N: number, cos: (i: number, j: number) => number): Uint32Array {
  const out = new Uint32Array(N);
  if (N === 0) return out;
  const visited = new Uint8Array(N);
  let at = 0;
  visited[0] = 1;
  for (let p = 1; p < N; p++) {
    let best = -1;
    let bestCos = -Infinity;
    for (let j = 0; j < N; j++) {
      if (visited[j]) continue;
      const c = cos(at, j);
      // Ties go to the smallest index, so the order is deterministic.
      if (c > bestCos) {
        bestCos = c;
        best = j;
      }
    }
    out[p] = best;
    visited[best] = 1;
    at = best;
  }
  return out;
}
