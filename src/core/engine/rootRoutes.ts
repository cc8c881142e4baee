/**
 * The root-system constructions `best` tries: N roots of D_d (4 <= d <= n), E6, E7 or E8, padded
 * with zero coordinates to n, whichever gives the smallest max cosine. Any set of roots has max
 * cosine at most 1/2, and near a system's full size that beats local search: D4 is the 24-cell
 * (the engine's restarts end at 0.500-0.517 at (24, 4)), E6, E7 and E8 give 1/2 at (72, 6),
 * (126, 7) and (240, 8) where 4 s of engine end at 0.528, 0.530 and 0.5. Only systems in at most
 * 8 dimensions are tried: with more room, N > 2n points are spread better than 1/2 by the engine
 * or a code.
 */
import type { RootSystem } from '../geometry/rootSystems.ts';
import { rootSystemsUpTo } from '../geometry/rootSystems.ts';

export interface RootRoute {
  /** e.g. "D4 root system (the 24-cell)", "E8 root system, 200 of its 240 roots". */
  readonly route: string;
  /** Row-major N x n unit rows. */
  readonly data: Float64Array;
  /** Exact up to rounding: one of -1, -1/2, 0, 1/2. */
  readonly maxCosine: number;
}

const MAX_DIMENSION = 8;
const NICKNAMES: Readonly<Record<string, string>> = { D4: 'the 24-cell' };

export function bestRootRoute(N: number, n: number): RootRoute | null {
  let best: RootRoute | null = null;
  for (const system of rootSystemsUpTo(Math.min(n, MAX_DIMENSION))) {
    if (system.count < N) continue;
    const chosen = farthestRoots(system, N);
    const route = routeOf(system, N);
    if (!best || chosen.maxCosine < best.maxCosine) {
      best = { route, data: padded(system, chosen.indices, n), maxCosine: chosen.maxCosine };
    }
  }
  return best;
}

/**
 * Greedy farthest-point choice of N roots: root 0 first, then each time the root whose largest
 * cosine to those chosen is smallest (ties: the lowest index), so orthogonal and opposite roots
 * come before those at 60 degrees. Returns the indices and the max cosine of the choice.
 */
function farthestRoots(system: RootSystem, N: number): { indices: number[]; maxCosine: number } {
  const { count, n, data } = system;
  const worst = new Float64Array(count).fill(Number.NEGATIVE_INFINITY);
  const taken = new Uint8Array(count);
  const indices: number[] = [];
  let maxCosine = Number.NEGATIVE_INFINITY;
  let next = 0;
  for (;;) {
    indices.push(next);
    taken[next] = 1;
    if (indices.length === N) break;
    for (let j = 0; j < count; j++) {
      if (taken[j]) continue;
      let c = 0;
      for (let t = 0; t < n; t++) c += data[next * n + t] * data[j * n + t];
      if (c > worst[j]) worst[j] = c;
    }
    next = -1;
    for (let j = 0; j < count; j++) {
      if (!taken[j] && (next < 0 || worst[j] < worst[next] - 1e-12)) next = j;
    }
    maxCosine = Math.max(maxCosine, worst[next]);
  }
  return { indices, maxCosine };
}

function padded(system: RootSystem, indices: readonly number[], n: number): Float64Array {
  const out = new Float64Array(indices.length * n);
  indices.forEach((r, i) => {
    out.set(system.data.subarray(r * system.n, (r + 1) * system.n), i * n);
  });
  return out;
}

function routeOf(system: RootSystem, N: number): string {
  const nick = NICKNAMES[system.name];
  if (N < system.count) return `${system.name} root system, ${N} of its ${system.count} roots`;
  return `${system.name} root system${nick ? ` (${nick})` : ''}`;
}
