/** Mean and spread per (method, labelling), in the order methods and labellings were planned. */
import type { RunResult, SummaryRow } from './types.ts';

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/** Sample standard deviation (divides by count - 1); NaN for fewer than two values. */
export function sampleStd(values: readonly number[]): number {
  if (values.length < 2) return Number.NaN;
  const m = mean(values);
  let s = 0;
  for (const v of values) s += (v - m) ** 2;
  return Math.sqrt(s / (values.length - 1));
}

/** One row per (method, labelling) that has at least one result; first-seen order. */
export function summarise(results: readonly RunResult[]): SummaryRow[] {
  const groups = new Map<string, RunResult[]>();
  for (const r of results) {
    const key = `${r.method}|${r.labelling}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.values()].map((group) => {
    const accuracies = group.map((r) => r.testAccuracy);
    return {
      method: group[0].method,
      labelling: group[0].labelling,
      n: group[0].n,
      runs: group.length,
      meanAccuracy: mean(accuracies),
      stdAccuracy: sampleStd(accuracies),
      meanMaxCosine: mean(group.map((r) => r.maxCosine)),
      meanMinAngleDeg: mean(group.map((r) => r.minAngleDeg)),
      meanMeanCosine: mean(group.map((r) => r.meanCosine)),
    };
  });
}
