/**
 * The structured constructions `best` tries besides codes, padded with zero coordinates to n:
 * - root systems D_d (4 <= d <= 8), E6, E7, E8 (geometry/rootSystems.ts): any set of roots has
 *   max cosine at most 1/2, and near a system's full size that beats local search: D4 is the
 *   24-cell (the engine's restarts ended at 0.500-0.517 at (24, 4)), E6, E7 and E8 give 1/2 at
 *   (72, 6), (126, 7) and (240, 8) where 4 s of engine ended at 0.528, 0.530 and 0.5. Only
 *   systems in at most 8 dimensions: with more room, N > 2n points spread better than 1/2;
 * - the two-distance sets of the Steiner systems S(3, 6, 22) and S(4, 7, 23)
 *   (geometry/twoDistanceSets.ts): Gewirtz (56 in R^20, 1/15), M22 (77 in R^21, 1/12),
 *   Higman-Sims (100 in R^22, 1/11, optimal), McLaughlin (275 in R^22, 1/6, optimal), where
 *   3-8 s of engine end at 0.087, 0.114, 0.131 and 0.241.
 * - the Nordstrom-Robinson code (codes/nordstromRobinson.ts): 256 words of length 16 at
 *   distance >= 6, so 256 points in R^16 at 1/4, where 4 s of engine end at 0.312.
 * With N below a structure's size, N of its points are chosen farthest-first.
 */
import { gammaCodebook } from '../codes/gamma.ts';
import { nordstromRobinsonWords } from '../codes/nordstromRobinson.ts';
import { type RootSystem, rootsD, rootsE6, rootsE7, rootsE8 } from '../geometry/rootSystems.ts';
import {
  gewirtzGraph,
  higmanSimsGraph,
  m22Graph,
  mcLaughlinGraph,
  type StronglyRegularGraph,
  twoDistanceSet,
} from '../geometry/twoDistanceSets.ts';

/** A finite point set on the sphere that a route can take points from. */
export interface Structure {
  readonly name: string;
  readonly n: number;
  readonly count: number;
  readonly data: Float64Array;
}

export interface ConstructionRoute {
  /** e.g. "D4 root system (the 24-cell)", "Higman-Sims graph's two-distance set, 90 of its 100 points". */
  readonly route: string;
  /** Row-major N x n unit rows. */
  readonly data: Float64Array;
  /** Of the chosen points, measured. */
  readonly maxCosine: number;
}

/** A structure by its size, built the first time a route needs it. */
interface Source {
  readonly count: number;
  readonly n: number;
  readonly build: () => Structure;
}

const NICKNAMES: Readonly<Record<string, string>> = { D4: 'the 24-cell' };

function source(count: number, n: number, make: () => Structure): Source {
  let built: Structure | null = null;
  return { count, n, build: () => (built ??= make()) };
}

const rootSource = (count: number, n: number, make: () => RootSystem): Source =>
  source(count, n, () => {
    const r = make();
    return { ...r, name: `${r.name} root system` };
  });

const graphSource = (count: number, n: number, make: () => StronglyRegularGraph): Source =>
  source(count, n, () => {
    const t = twoDistanceSet(make());
    return { ...t, name: `${t.name}'s two-distance set` };
  });

/** The Nordstrom-Robinson code's words on the sphere: +-1/4 in each of 16 coordinates. */
function nordstromRobinson(): Structure {
  const { N, n, data } = gammaCodebook(nordstromRobinsonWords());
  return { name: 'Nordstrom-Robinson code', n, count: N, data };
}

/**
 * Every structure, with its size known before it is built, so a route builds only those that
 * fit (N, n). Root systems only up to 8 dimensions: with more room, N > 2n points spread better
 * than 1/2.
 */
const SOURCES: readonly Source[] = [
  ...[4, 5, 6, 7, 8].map((d) => rootSource(2 * d * (d - 1), d, () => rootsD(d))),
  rootSource(72, 6, rootsE6),
  rootSource(126, 7, rootsE7),
  rootSource(240, 8, rootsE8),
  graphSource(56, 20, gewirtzGraph),
  graphSource(77, 21, m22Graph),
  graphSource(100, 22, higmanSimsGraph),
  graphSource(275, 22, mcLaughlinGraph),
  source(256, 16, nordstromRobinson),
];

/** The structures with at least N points in at most n dimensions. */
export function structuresFor(N: number, n: number): Structure[] {
  return SOURCES.filter((s) => s.count >= N && s.n <= n).map((s) => s.build());
}

export function bestConstructionRoute(N: number, n: number): ConstructionRoute | null {
  let best: ConstructionRoute | null = null;
  for (const structure of structuresFor(N, n)) {
    const chosen = farthestPoints(structure, N);
    if (!best || chosen.maxCosine < best.maxCosine - 1e-12) {
      best = {
        route: routeOf(structure, N),
        data: padded(structure, chosen.indices, n),
        maxCosine: chosen.maxCosine,
      };
    }
  }
  return best;
}

/**
 * Greedy farthest-point choice of N points: point 0 first, then each time the point whose largest
 * cosine to those chosen is smallest (ties: the lowest index), so (in a root system) orthogonal
 * and opposite roots come before those at 60 degrees. Returns the indices and their max cosine.
 */
function farthestPoints(structure: Structure, N: number): { indices: number[]; maxCosine: number } {
  const { count, n, data } = structure;
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

function padded(structure: Structure, indices: readonly number[], n: number): Float64Array {
  const out = new Float64Array(indices.length * n);
  indices.forEach((r, i) => {
    out.set(structure.data.subarray(r * structure.n, (r + 1) * structure.n), i * n);
  });
  return out;
}

function routeOf(structure: Structure, N: number): string {
  if (N < structure.count) return `${structure.name}, ${N} of its ${structure.count} points`;
  const nick = NICKNAMES[structure.name.split(' ')[0]];
  return nick ? `${structure.name} (${nick})` : structure.name;
}
