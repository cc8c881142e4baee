/** What an experiment runs now, in words for people, and about how long the rest takes. */
import type { ExperimentsState } from '../../state/experimentsStore.ts';
import { runInWords } from '../../train/experiment/plan.ts';
import type { ExperimentProgress } from '../../train/experiment/runner.ts';
import { shareDone, timeLeft } from '../../train/experiment/timeLeft.ts';

const BACKENDS: Record<string, string> = {
  wasm: 'CPU · WebAssembly',
  cpu: 'CPU',
  webgl: 'WebGL',
  webgpu: 'WebGPU',
};

/** What runs now, in words, and about how long the rest takes. */
export function progressText(
  progress: ExperimentProgress,
  running: NonNullable<ExperimentsState['running']>,
  total: number,
): string {
  const share = shareDone(progress, running.doneBefore, total);
  const left = timeLeft(
    Date.now() - running.startedAt,
    share - running.doneBefore / total,
    1 - share,
  );
  let now: string;
  if (progress.stage === 'features') now = `features ${progress.done} of ${progress.total} images`;
  else if ((progress.runsAtOnce ?? 1) > 1)
    now = `${progress.runsAtOnce} runs at once, the latest ${runInWords(progress.key)}`;
  else now = `${runInWords(progress.key)}: ${Math.round(100 * progress.fraction)} %`;
  const backend = running.backend ? ` (${BACKENDS[running.backend] ?? running.backend})` : '';
  return `${now}${left ? `; ${left}` : ''}${backend}`;
}
