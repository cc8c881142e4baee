import { describe, expect, it } from 'vitest';
import { makeRun } from '../train/experiment/runFixture.ts';
import type { PlannedRun } from '../train/experiment/types.ts';
import { DEFAULT_LABELLING_OPTIONS } from '../train/labellings/options.ts';
import { DEFAULT_TRAIN_CONFIG } from '../train/types.ts';
import type { ExperimentEvents, ExperimentWorkerLike } from './experimentClient.ts';
import { startExperimentPool, workersFor } from './experimentPool.ts';
import type { FromExperimentWorker, ToExperimentWorker } from './experimentProtocol.ts';

const run = (method: string, seed: number): PlannedRun => ({
  key: `${method}|identity|${seed}`,
  method,
  labelling: 'identity',
  seed,
  config: { ...DEFAULT_TRAIN_CONFIG, mode: 'fast', seed },
});
const runs = [run('random', 0), run('rm', 0), run('random', 1), run('rm', 1)];
const empty = { count: 0, pixels: new Uint8Array(0), labels: new Uint8Array(0) };
const start = {
  data: { train: empty, test: empty, classNames: [], coarseOfClass: null },
  n: 16,
  runs,
  labelling: DEFAULT_LABELLING_OPTIONS,
};
const features = {
  width: 1,
  train: new Float32Array(1),
  test: new Float32Array(1),
  seed: 0,
  timeMs: 1,
};

/** A worker message without its job id (the fake adds the one the worker was started with). */
type WithoutJob<M> = M extends unknown ? Omit<M, 'jobId'> : never;

function fakes() {
  const workers: { started: ToExperimentWorker[]; stopped: boolean; w: ExperimentWorkerLike }[] =
    [];
  return {
    workers,
    make(): ExperimentWorkerLike {
      const entry = {
        started: [] as ToExperimentWorker[],
        stopped: false,
        w: null as unknown as ExperimentWorkerLike,
      };
      entry.w = {
        postMessage: (m) => entry.started.push(m),
        terminate: () => {
          entry.stopped = true;
        },
        onmessage: null,
        onerror: null,
      };
      workers.push(entry);
      return entry.w;
    },
    send(i: number, m: WithoutJob<FromExperimentWorker>) {
      const { w, started } = workers[i];
      const jobId = started[0].jobId;
      w.onmessage?.({ data: { ...m, jobId } } as MessageEvent<FromExperimentWorker>);
    },
  };
}

function recorder() {
  const seen: string[] = [];
  const progress: unknown[] = [];
  const events: ExperimentEvents = {
    backend: () => {},
    progress: (p) => progress.push(p),
    result: (r) => seen.push(`result ${r.key}`),
    runFailed: (key) => seen.push(`failed ${key}`),
    features: () => seen.push('features'),
    done: () => seen.push('done'),
    failed: (m) => seen.push(`worker failed: ${m}`),
  };
  return { seen, progress, events };
}

describe('runs on several workers at once', () => {
  it('leaves one core for the page, and caps the workers', () => {
    expect(workersFor(2)).toBe(1);
    expect(workersFor(8)).toBe(7);
    expect(workersFor(64)).toBe(8);
    expect(workersFor(undefined)).toBe(1);
    expect(workersFor(1)).toBe(1);
  });

  it('computes features once: one worker starts alone, the others with its features', () => {
    const f = fakes();
    const r = recorder();
    startExperimentPool(f.make, 2, start, r.events);
    expect(f.workers).toHaveLength(1);
    // Dealt in turn: each worker starts at the first seed.
    expect(f.workers[0].started[0].runs.map((x) => x.key)).toEqual([
      'random|identity|0',
      'random|identity|1',
    ]);
    f.send(0, { type: 'features', features });
    expect(f.workers).toHaveLength(2);
    expect(f.workers[1].started[0].runs.map((x) => x.key)).toEqual([
      'rm|identity|0',
      'rm|identity|1',
    ]);
    expect(f.workers[1].started[0].features).toBe(features);

    // One progress: runs finished plus the running runs' fractions, and how many run at once.
    f.send(0, {
      type: 'progress',
      progress: { stage: 'run', key: 'random|identity|0', index: 0, count: 2, fraction: 0.5 },
    });
    f.send(1, {
      type: 'progress',
      progress: { stage: 'run', key: 'rm|identity|0', index: 0, count: 2, fraction: 0.25 },
    });
    expect(r.progress.at(-1)).toEqual({
      stage: 'run',
      key: 'rm|identity|0',
      index: 0,
      count: 4,
      fraction: 0.75,
      runsAtOnce: 2,
    });
    f.send(1, { type: 'result', result: makeRun('rm', 'identity', 0, 0.5, 0) });
    f.send(0, { type: 'runFailed', key: 'random|identity|0', message: 'NaN' });
    f.send(0, {
      type: 'progress',
      progress: { stage: 'run', key: 'random|identity|1', index: 1, count: 2, fraction: 0.1 },
    });
    expect(r.progress.at(-1)).toMatchObject({ index: 2, count: 4, fraction: 0.1 });
    f.send(0, { type: 'done' });
    expect(r.seen).not.toContain('done');
    f.send(1, { type: 'done' });
    expect(r.seen).toEqual([
      'features',
      'result rm|identity|0',
      'failed random|identity|0',
      'done',
    ]);
  });

  it('starts every worker at once with features at hand, and stops them all when one breaks', () => {
    const f = fakes();
    const r = recorder();
    startExperimentPool(f.make, 3, { ...start, features }, r.events);
    expect(f.workers.map((w) => w.started[0].runs.length)).toEqual([2, 1, 1]);
    expect(f.workers.every((w) => w.started[0].features === features)).toBe(true);
    f.send(1, { type: 'error', message: 'out of memory' });
    expect(r.seen).toEqual(['worker failed: out of memory']);
    expect(f.workers.every((w) => w.stopped)).toBe(true);
  });

  it('with one worker, is the one worker', () => {
    const f = fakes();
    const r = recorder();
    startExperimentPool(f.make, 1, start, r.events);
    expect(f.workers).toHaveLength(1);
    expect(f.workers[0].started[0].runs).toEqual(runs);
    f.send(0, {
      type: 'progress',
      progress: { stage: 'run', key: 'rm|identity|0', index: 1, count: 4, fraction: 0.5 },
    });
    expect(r.progress.at(-1)).toEqual({
      stage: 'run',
      key: 'rm|identity|0',
      index: 0,
      count: 4,
      fraction: 0.5,
    });
  });
});
