import type { CosineHistogram } from '../metrics/separation.ts';

/** A histogram of part of the cosines, with how many lie below its first edge. */
export interface RangeHistogram extends CosineHistogram {
  /** Cosines below the axis (the far left tail that was cut off), not in any bin. */
  readonly below: number;
}

/**
 * A histogram over the range the cosines actually take (not all of [-1, 1]), so a code whose
 * cosines all lie within +-0.02 still shows its shape. `bins` equal bins cover [lo, max] (the
 * last includes max), with one empty bin added on each side as a margin. lo is the smallest
 * cosine, or, with `tail` > 0, the cosine below which at most that fraction of the values lie:
 * a handful of antipodal pairs at -1 then do not squeeze the rest into a corner; they are
 * counted in `below`. The right end (the closest pairs, the score) is never cut. When all
 * cosines are equal (a regular simplex) the range is widened to 0.1 around them.
 */
export function rangeHistogram(values: ArrayLike<number>, bins: number, tail = 0): RangeHistogram {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError('bins must be a positive integer');
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < values.length; k++) {
    if (values[k] < lo) lo = values[k];
    if (values[k] > hi) hi = values[k];
  }
  if (tail > 0 && values.length > 0) {
    const sorted = Float64Array.from(values).sort();
    lo = sorted[Math.min(sorted.length - 1, Math.floor(tail * sorted.length))];
  }
  if (!(hi - lo > 1e-9)) {
    lo = (Number.isFinite(hi) ? hi : 0) - 0.05;
    hi = lo + 0.1;
  }
  const w = (hi - lo) / bins;
  const edges = new Float64Array(bins + 3);
  for (let b = 0; b < edges.length; b++) edges[b] = lo + (b - 1) * w;
  const counts = new Uint32Array(bins + 2);
  let below = 0;
  for (let k = 0; k < values.length; k++) {
    if (values[k] < lo) {
      below++;
      continue;
    }
    counts[1 + Math.min(bins - 1, Math.floor((values[k] - lo) / w))]++;
  }
  return { edges, counts, pairs: values.length, below };
}

/** One bar of the cosine histogram in data units: [from, to) and how many pairs fall there. */
export interface HistogramBar {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/**
 * The non-empty part of a histogram as bars, with the range to show: the bins from the first to
 * the last non-empty one, widened by one bin on each side so the extreme bars do not touch the
 * frame (clamped to [-1, 1]). Bounds drawn as lines may lie outside; the chart extends for them.
 */
export function histogramBars(h: CosineHistogram): {
  bars: HistogramBar[];
  lo: number;
  hi: number;
  maxCount: number;
} {
  const bins = h.counts.length;
  let first = -1;
  let last = -1;
  let maxCount = 0;
  for (let b = 0; b < bins; b++) {
    if (h.counts[b] > 0) {
      if (first < 0) first = b;
      last = b;
      if (h.counts[b] > maxCount) maxCount = h.counts[b];
    }
  }
  if (first < 0) return { bars: [], lo: -1, hi: 1, maxCount: 0 };
  const bars: HistogramBar[] = [];
  for (let b = first; b <= last; b++) {
    bars.push({ from: h.edges[b], to: h.edges[b + 1], count: h.counts[b] });
  }
  const lo = h.edges[Math.max(0, first - 1)];
  const hi = h.edges[Math.min(bins, last + 2)];
  return { bars, lo, hi, maxCount };
}

/**
 * A bin count that suits this many pairs: few pairs get few bins (a tetrahedron's 6 pairs in 100
 * bins would be slivers), many pairs get up to 120.
 */
export function binsFor(pairs: number): number {
  return Math.max(5, Math.min(120, Math.round(2 * Math.sqrt(pairs))));
}
