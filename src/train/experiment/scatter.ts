/**
 * The accuracy-versus-separation chart as numbers: one point per run, and per method (and
 * labelling) the mean with a +-1 sample standard deviation bar. Pure, so the SVG component and
 * the export draw exactly the same thing.
 */
import { methodLabel } from '../../core/methods/registry.ts';
import { labellingLabel } from '../labellings/registry.ts';
import { mean, sampleStd } from './stats.ts';
import type { RunResult, SeparationMetricName } from './types.ts';

export interface ScatterPoint {
  readonly key: string;
  readonly group: string;
  /** For people: the group and the seed. */
  readonly label: string;
  readonly x: number;
  readonly y: number;
}

export interface ScatterGroup {
  readonly group: string;
  readonly x: number;
  readonly meanY: number;
  /** Sample standard deviation of the accuracies (0 for one run). */
  readonly stdY: number;
  readonly runs: number;
}

/**
 * Groups by method, or by method and labelling when there are several labellings; named with
 * the registries' words for people.
 */
export function groupName(
  r: Pick<RunResult, 'method' | 'labelling'>,
  byLabelling: boolean,
): string {
  const method = methodLabel(r.method);
  return byLabelling ? `${method} / ${labellingLabel(r.labelling)}` : method;
}

export function scatterData(
  results: readonly RunResult[],
  metric: SeparationMetricName,
): { points: ScatterPoint[]; groups: ScatterGroup[] } {
  const byLabelling = new Set(results.map((r) => r.labelling)).size > 1;
  const points = results.map((r) => ({
    key: r.key,
    group: groupName(r, byLabelling),
    label: `${groupName(r, byLabelling)}, seed ${r.seed}`,
    x: r[metric],
    y: r.testAccuracy,
  }));
  const names = [...new Set(points.map((p) => p.group))];
  const groups = names.map((group) => {
    const mine = points.filter((p) => p.group === group);
    const ys = mine.map((p) => p.y);
    return {
      group,
      x: mean(mine.map((p) => p.x)),
      meanY: mean(ys),
      stdY: ys.length > 1 ? sampleStd(ys) : 0,
      runs: mine.length,
    };
  });
  return { points, groups };
}

/** An axis range with a little margin; a single value gets a unit-wide range around it. */
export function axisRange(values: readonly number[], pad = 0.08): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (hi - lo < 1e-9) {
    lo -= 0.05;
    hi += 0.05;
  }
  const m = (hi - lo) * pad;
  return [lo - m, hi + m];
}

/** About `count` round tick values covering [lo, hi]. */
export function ticks(lo: number, hi: number, count = 5): number[] {
  const step0 = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 5, 10].map((f) => f * mag).find((s) => s >= step0) ?? mag * 10;
  const out: number[] = [];
  // Whole multiples of the step, rounded to 12 digits so 3 x 0.2 reads 0.6, not 0.6000000000000001.
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + 1e-12; k++) {
    out.push(Number((k * step).toPrecision(12)));
  }
  return out;
}
