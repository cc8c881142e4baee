/**
 * Margin continuation: the margin of the hinge objective shrinks geometrically from
 * `marginStart` to `marginEnd` as a run progresses (p from 0 to 1). A wide margin early lets many
 * pairs push (a global spreading, like an energy); a narrow one late concentrates on the worst
 * pairs and converges to a local optimum of the max cosine itself. Geometric, because each
 * halving of the margin is a similar refinement problem at a finer scale: the step length is
 * proportional to the margin (the push of a pair is at most 2 * margin).
 *
 * Optional noise: while p < noiseUntil every coordinate gets a kick of noise * margin * N(0, 1)
 * after each step, a small temperature that scales with the margin. In our runs it lets
 * (100, 16) settle lower (0.2051-0.2055 instead of 0.2052-0.2062) and lets N = 13 on S^2 find
 * the optimum in 10-30 % of runs instead of never; 0.15 and above was already too hot.
 */
export interface MarginSchedule {
  readonly marginStart: number;
  readonly marginEnd: number;
  readonly lr: number;
  readonly momentum: number;
  readonly noise: number;
  readonly noiseUntil: number;
}

export const DEFAULT_SCHEDULE: MarginSchedule = {
  marginStart: 0.5,
  marginEnd: 1e-6,
  lr: 0.25,
  momentum: 0.9,
  noise: 0,
  noiseUntil: 0.7,
};

export function marginAt(schedule: MarginSchedule, p: number): number {
  const q = Math.min(1, Math.max(0, p));
  return schedule.marginStart * (schedule.marginEnd / schedule.marginStart) ** q;
}
