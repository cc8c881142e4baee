/**
 * How long an experiment has left, in words, from how long this part took and what share of the
 * work it did (features count as the first share of a run). Rough by nature, so rounded coarsely;
 * nothing is said before a tenth of the work has shown its pace.
 */
import type { ExperimentProgress } from './runner.ts';

/** Share of the whole work done: finished runs, plus the running one's fraction. */
export function shareDone(
  progress: ExperimentProgress | null,
  doneBefore: number,
  total: number,
): number {
  if (!progress || total <= 0) return 0;
  const running = progress.stage === 'run' ? progress.index + progress.fraction : 0;
  return Math.min(1, (doneBefore + running) / total);
}

/**
 * "about 40 s left", "about 3 min left", "a few seconds left"; null while it cannot say.
 * `done` is the share of the work done in `elapsedMs`, `left` the share still to do.
 */
export function timeLeft(elapsedMs: number, done: number, left: number): string | null {
  if (!(done >= 0.1 * (done + left)) || !(left > 0) || !(elapsedMs > 0)) return null;
  const seconds = (elapsedMs * left) / done / 1000;
  if (seconds < 10) return 'a few seconds left';
  if (seconds < 90) return `about ${Math.round(seconds / 10) * 10} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}
