/**
 * The regular N-gon in the first two coordinates: on the circle (n = 2) it is the optimal code,
 * max cosine cos(2 pi / N) (the N arcs between neighbours cannot all exceed 2 pi / N).
 */
export function regularPolygon(N: number, n: number): Float64Array {
  const data = new Float64Array(N * n);
  for (let i = 0; i < N; i++) {
    const a = (2 * Math.PI * i) / N;
    data[i * n] = Math.cos(a);
    data[i * n + 1] = Math.sin(a);
  }
  return data;
}
