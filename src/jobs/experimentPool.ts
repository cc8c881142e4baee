/**
 * An experiment's runs on several experiment workers at once (each run is independent), as many
 * as the page allows: the runs are dealt out in turn, so every worker starts with the first seed.
 * Fast-mode features are computed once: without features at hand, one worker starts alone and the
 * others start when it has sent them. To the caller it looks like one worker: one stream of
 * results, one progress (runs finished plus the running runs' fractions), one end.
 */
import type { ExperimentProgress } from '../train/experiment/runner.ts';
import {
  createExperimentClient,
  type ExperimentEvents,
  type ExperimentStart,
  type ExperimentWorkerLike,
} from './experimentClient.ts';

/** Workers for experiments on this machine: one core is left for the page. */
export function workersFor(cores: number | undefined): number {
  return Math.max(1, Math.min(MAX_WORKERS, (cores ?? 2) - 1));
}

/** Each worker holds its own copy of the data and features: a cap on the page's memory. */
const MAX_WORKERS = 8;

export function startExperimentPool(
  makeWorker: () => ExperimentWorkerLike,
  parallel: number,
  start: ExperimentStart,
  on: ExperimentEvents,
): { stop(): void } {
  const lanes = Math.max(1, Math.min(parallel, start.runs.length));
  const shares = Array.from({ length: lanes }, (_, i) =>
    start.runs.filter((_, k) => k % lanes === i),
  );
  const clients = shares.map(() => createExperimentClient(makeWorker));
  const fractions = new Map<number, number>();
  const started = new Set<number>();
  let features = start.features;
  let finished = 0;
  let ended = 0;
  let stopped = false;

  const stop = () => {
    stopped = true;
    for (const c of clients) c.stop();
  };

  function launch(i: number): void {
    if (stopped || started.has(i)) return;
    started.add(i);
    clients[i].start({ ...start, runs: shares[i], ...(features ? { features } : {}) }, lane(i));
  }

  const launchRest = () => {
    for (let i = 0; i < lanes; i++) launch(i);
  };

  function runProgress(key: string): ExperimentProgress {
    let fraction = 0;
    for (const f of fractions.values()) fraction += f;
    const runsAtOnce = started.size - ended;
    return {
      stage: 'run',
      key,
      index: finished,
      count: start.runs.length,
      fraction,
      ...(runsAtOnce > 1 ? { runsAtOnce } : {}),
    };
  }

  function lane(i: number): ExperimentEvents {
    return {
      backend: (name) => on.backend(name),
      status: (text) => on.status?.(text),
      features(f) {
        features ??= f;
        on.features?.(f);
        launchRest();
      },
      progress(p) {
        if (p.stage === 'features') on.progress(p);
        else {
          fractions.set(i, p.fraction);
          on.progress(runProgress(p.key));
        }
      },
      result(r) {
        finished += 1;
        fractions.delete(i);
        on.result(r);
      },
      runFailed(key, message) {
        finished += 1;
        fractions.delete(i);
        on.runFailed?.(key, message);
      },
      done() {
        ended += 1;
        // A worker that ended without features (no fast-mode run) lets the others start bare.
        launchRest();
        if (ended === lanes) on.done();
      },
      failed(message) {
        stop();
        on.failed(message);
      },
    };
  }

  const fast = start.runs.every((r) => r.config.mode === 'fast');
  if (lanes > 1 && fast && !features) launch(0);
  else launchRest();
  return { stop };
}
