/**
 * The contact graph straight from coordinates, without an arccos per pair: the pairs whose angle
 * is within `toleranceDeg` of the minimum angle are those whose cosine is at least
 * cos(minAngle + tolerance). Same answer as metrics/separation.ts contactGraph (which works on
 * exact code cosines too), several times faster, for redrawing during a live optimisation.
 */
export interface ContactPairs {
  /** Pairs [i, j], i < j, in order of i then j (at most maxEdges of them). */
  readonly edges: [number, number][];
  /** How many pairs are in the graph (also those beyond maxEdges). */
  readonly count: number;
  /** The closest pair (smallest i, then j, on ties). */
  readonly worst: [number, number];
  readonly maxCosine: number;
}

export function contactPairs(
  data: ArrayLike<number>,
  N: number,
  n: number,
  toleranceDeg: number,
  maxEdges = Infinity,
): ContactPairs {
  if (N < 2) throw new RangeError('a contact graph needs at least two prototypes');
  const cos = new Float64Array((N * (N - 1)) / 2);
  let max = -Infinity;
  let worst: [number, number] = [0, 1];
  let p = 0;
  for (let i = 0; i < N; i++) {
    for (let j = i + 1; j < N; j++) {
      let d = 0;
      for (let k = 0; k < n; k++) d += data[i * n + k] * data[j * n + k];
      cos[p++] = d;
      if (d > max) {
        max = d;
        worst = [i, j];
      }
    }
  }
  const minAngle = Math.acos(Math.max(-1, Math.min(1, max)));
  const limitAngle = minAngle + (toleranceDeg * Math.PI) / 180;
  // Rounding: a pair at exactly the limit angle must count, as it does with arccos.
  const limit = limitAngle >= Math.PI ? -Infinity : Math.cos(limitAngle) - 1e-12;
  const edges: [number, number][] = [];
  let count = 0;
  p = 0;
  for (let i = 0; i < N; i++) {
    for (let j = i + 1; j < N; j++) {
      if (cos[p++] >= limit) {
        count++;
        if (edges.length < maxEdges) edges.push([i, j]);
      }
    }
  }
  return { edges, count, worst, maxCosine: max };
}
