/**
 * The one plain sentence that answers an experiment's question, computed from its results:
 * how far accuracy moves between the groups compared (methods, or labellings), against how far
 * it moves between seeds of one group, and (for separation) the sign and size of the correlation
 * between max cosine and accuracy. The numbers in the sentence are the ones returned.
 */
import { mean, sampleStd } from './stats.ts';
import type { RunResult } from './types.ts';

export interface GroupStats {
  readonly group: string;
  readonly runs: number;
  readonly meanAccuracy: number;
  readonly meanMaxCosine: number;
}

export interface Verdict {
  readonly groups: readonly GroupStats[];
  /** Best group mean minus worst (accuracy, fraction). */
  readonly accuracySpread: number;
  /** Largest mean max cosine minus smallest. */
  readonly cosineSpread: number;
  /** Pooled sample standard deviation between seeds within groups (NaN with one seed each). */
  readonly seedSpread: number;
  /** Pearson correlation of max cosine and accuracy over all runs (NaN when undefined). */
  readonly correlation: number;
  readonly sentence: string;
}

/** Pearson's r; NaN when either side does not vary. */
export function correlation(xs: readonly number[], ys: readonly number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Number.NaN;
}

/** sqrt of the seed variances pooled over groups (each weighted by its runs - 1). */
function pooledStd(groups: readonly (readonly number[])[]): number {
  let ss = 0;
  let df = 0;
  for (const ys of groups) {
    if (ys.length < 2) continue;
    ss += sampleStd(ys) ** 2 * (ys.length - 1);
    df += ys.length - 1;
  }
  return df > 0 ? Math.sqrt(ss / df) : Number.NaN;
}

const points = (x: number) => `${(100 * x).toFixed(1)}`;

/** How the spread between groups compares with the spread between seeds, in words. */
function against(spread: number, seeds: number): string {
  if (!Number.isFinite(seeds)) return 'with one seed each, the seed-to-seed spread is unknown';
  const ratio = spread / Math.max(seeds, 1e-12);
  const how =
    ratio > 3
      ? 'well beyond'
      : ratio > 1.5
        ? 'beyond'
        : ratio >= 0.67
          ? 'about the size of'
          : 'within';
  return `${how} the spread between seeds (${points(seeds)} points)`;
}

function stats(results: readonly RunResult[], groupOf: (r: RunResult) => string) {
  const names = [...new Set(results.map(groupOf))];
  const members = names.map((g) => results.filter((r) => groupOf(r) === g));
  const groups = members.map((rs, i) => ({
    group: names[i],
    runs: rs.length,
    meanAccuracy: mean(rs.map((r) => r.testAccuracy)),
    meanMaxCosine: mean(rs.map((r) => r.maxCosine)),
  }));
  const accs = groups.map((g) => g.meanAccuracy);
  const coss = groups.map((g) => g.meanMaxCosine);
  return {
    groups,
    accuracySpread: Math.max(...accs) - Math.min(...accs),
    cosineSpread: Math.max(...coss) - Math.min(...coss),
    seedSpread: pooledStd(members.map((rs) => rs.map((r) => r.testAccuracy))),
    correlation: correlation(
      results.map((r) => r.maxCosine),
      results.map((r) => r.testAccuracy),
    ),
  };
}

const runsText = (groups: readonly GroupStats[], what: string) => {
  const seeds = new Set(groups.map((g) => g.runs));
  const each =
    seeds.size === 1
      ? `${[...seeds][0]} seed${[...seeds][0] === 1 ? '' : 's'} each`
      : 'seeds as run';
  return `${groups.length} ${what} (${each})`;
};

/**
 * Highest mean accuracy first; ties by name, so the sentence does not depend on the order in
 * which runs finished (several workers finish them in any order).
 */
export const byAccuracy = (a: GroupStats, b: GroupStats) =>
  b.meanAccuracy - a.meanAccuracy || a.group.localeCompare(b.group);

/** Below this |r| the sentence says accuracy hardly follows max cosine. */
export const WEAK = 0.3;

/** "Does separation matter?": groups are methods (`name` gives their words). */
export function separationVerdict(
  results: readonly RunResult[],
  name: (method: string) => string,
): Verdict | null {
  if (results.length < 2) return null;
  const s = stats(results, (r) => name(r.method));
  const best = [...s.groups].sort(byAccuracy)[0];
  const r = s.correlation;
  // A weak correlation is no direction: |r| < 0.3 explains under a tenth of the variance.
  const sign = !Number.isFinite(r)
    ? 'accuracy does not follow max cosine'
    : Math.abs(r) < WEAK
      ? 'accuracy hardly follows max cosine'
      : r < 0
        ? 'better separated prototypes went with higher accuracy'
        : 'better separated prototypes went with lower accuracy';
  const sentence =
    `Across ${runsText(s.groups, 'methods')}, max cosine spans ${s.cosineSpread.toFixed(2)} while mean accuracy spans ${points(s.accuracySpread)} points, ` +
    `${against(s.accuracySpread, s.seedSpread)}; ${sign}` +
    `${Number.isFinite(r) ? ` (correlation ${r.toFixed(2)})` : ''}. Best: ${best.group}, ${points(best.meanAccuracy)} %.`;
  return { ...s, sentence };
}

/** "Does the labelling matter?": groups are labellings of one method (`name` gives their words). */
export function labellingVerdict(
  results: readonly RunResult[],
  name: (labelling: string) => string,
): Verdict | null {
  if (results.length < 2) return null;
  const s = stats(results, (r) => name(r.labelling));
  const sorted = [...s.groups].sort(byAccuracy);
  const best = sorted[0];
  const worst = sorted[sorted.length - 1];
  const sentence =
    `Across ${runsText(s.groups, 'labellings')} of the same prototypes, mean accuracy spans ${points(s.accuracySpread)} points ` +
    `(${best.group} ${points(best.meanAccuracy)} %, ${worst.group} ${points(worst.meanAccuracy)} %), ` +
    `${against(s.accuracySpread, s.seedSpread)}.`;
  return { ...s, sentence };
}
