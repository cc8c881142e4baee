import { describe, expect, it } from 'vitest';
import type { JobHandlers, StartOptions } from '../jobs/optimiserClient.ts';
import { inProcessOptimiserJobs, type OptimiserJobs } from '../jobs/optimiserClient.ts';
import type { JobRequest } from '../jobs/optimiserProtocol.ts';
import { DEFAULT_REQUEST, UI_MAX_N } from './defaults.ts';
import { createLabStore } from './labStore.ts';

/** A store whose first codebook (made in a microtask) is ready. */
async function readyStore(runner: OptimiserJobs = inProcessOptimiserJobs()) {
  const store = createLabStore(runner);
  await Promise.resolve();
  return store;
}

describe('lab store', () => {
  it('starts with the default request: the best 12 prototypes on S^2, by 2000 steps', async () => {
    const s = (await readyStore()).getState();
    expect(s.request).toEqual(DEFAULT_REQUEST);
    expect(DEFAULT_REQUEST).toEqual({
      method: 'best',
      N: 12,
      n: 3,
      seed: 0,
      params: { steps: 2000 },
    });
    expect(s.error).toBeNull();
    // It stops early, within its 2000 steps, once it meets the Levenshtein bound.
    expect(s.current).toMatchObject({ method: 'best', N: 12, n: 3, steps: 1691 });
    // No 12 points on S^2 do better than the icosahedron (Tammes problem, solved for N = 12).
    expect(s.current?.metrics.maxCosine).toBeGreaterThanOrEqual(1 / Math.sqrt(5) - 1e-12);
    // And the default finds it.
    expect(s.current?.metrics.maxCosine).toBeCloseTo(1 / Math.sqrt(5), 9);
  });

  it('makes a whole request that replaces the previous one, parameters included', async () => {
    const store = await readyStore();
    store.getState().setRequest({ params: { steps: 50 } });
    store.getState().replaceRequest({ method: 'kasarla', N: 4, n: 3, seed: 0, params: {} });
    const s = store.getState();
    expect(s.request).toEqual({ method: 'kasarla', N: 4, n: 3, seed: 0, params: {} });
    expect(s.current?.metrics.maxCosine).toBeCloseTo(-1 / 3, 12);
  });

  it('remakes the prototypes when the request changes', async () => {
    const store = await readyStore();
    store.getState().setRequest({ method: 'orthoplex', N: 6 });
    const s = store.getState();
    expect(s.error).toBeNull();
    expect(s.current?.method).toBe('orthoplex');
    expect(s.current?.codebook.N).toBe(6);
    expect(s.current?.metrics.maxCosine).toBe(0);
  });

  it('keeps the previous prototypes and reports why when a request is infeasible', async () => {
    const store = await readyStore();
    store.getState().setRequest({ method: 'orthoplex', N: 6 });
    const before = store.getState().current;
    store.getState().setRequest({ method: 'onehot' });
    const s = store.getState();
    expect(s.request).toMatchObject({ method: 'onehot', N: 6 });
    expect(s.current).toBe(before);
    expect(s.error).toMatch(/onehot cannot run at N = 6, n = 3/);
    // A feasible request clears the error.
    store.getState().setRequest({ N: 3 });
    expect(store.getState().error).toBeNull();
    expect(store.getState().current?.method).toBe('onehot');
  });

  it('reports bad input instead of throwing', async () => {
    const store = await readyStore();
    store.getState().setRequest({ N: 1 });
    expect(store.getState().error).toMatch(/N must be a whole number/);
    store.getState().setRequest({ N: UI_MAX_N + 1 });
    expect(store.getState().error).toMatch(/at most/);
    expect(store.getState().current?.codebook.N).toBe(12);
  });

  it('toggles view options without touching the prototypes', async () => {
    const store = await readyStore();
    const before = store.getState().current;
    store.getState().toggle('showLabels');
    expect(store.getState().showLabels).toBe(false);
    expect(store.getState().current).toBe(before);
  });

  it('keeps notices until they are dismissed', async () => {
    const store = await readyStore();
    store.getState().setNotices(['N: "abc" is not a number; using the default, 12.']);
    expect(store.getState().notices).toHaveLength(1);
    store.getState().dismissNotices();
    expect(store.getState().notices).toEqual([]);
  });

  it('passes the speed to the worker, restarts from the seed, and steps from step 0 when idle', async () => {
    const calls: string[] = [];
    const started: { options?: StartOptions }[] = [];
    const runner: OptimiserJobs = {
      start: (_request, _handlers, options) => started.push({ options }),
      pause() {},
      resume() {},
      step: (count) => calls.push(`step ${count}`),
      cancel() {},
      setSpeed: (sps) => calls.push(`speed ${sps}`),
    };
    const store = await readyStore(runner);
    store.getState().setSpeed(30);
    store.getState().setSpeed(-5);
    store.getState().setSpeed(30);
    expect(calls).toEqual(['speed 30', 'speed 0', 'speed 30']);
    store.getState().restartJob(true);
    expect(started.at(-1)?.options).toEqual({ paused: true, stepsPerSecond: 30 });
    expect(store.getState().job).toMatchObject({ paused: true, step: 0 });
    // With no job, Step starts the request paused and then steps it.
    store.setState({ job: null });
    store.getState().stepJob(1);
    expect(started).toHaveLength(3);
    expect(started.at(-1)?.options?.paused).toBe(true);
    expect(calls.at(-1)).toBe('step 1');
  });

  it('shows job progress, sends live prototypes to the transient store, and drops stale jobs', async () => {
    const started: { request: JobRequest; handlers: JobHandlers }[] = [];
    const runner: OptimiserJobs = {
      start: (request, handlers) => started.push({ request, handlers }),
      pause() {},
      resume() {},
      step() {},
      cancel() {},
      setSpeed() {},
    };
    const store = await readyStore(runner);
    store.getState().setRequest({ method: 'lse', N: 5 });
    const job = started[1];
    const prototypes = new Float64Array(15).fill(0.5);
    job.handlers.onProgress?.({
      type: 'progress',
      jobId: 1,
      step: 10,
      totalSteps: 1000,
      fraction: 0.01,
      objective: 1,
      maxCosine: 0.4,
      minAngleDeg: 66,
      paused: false,
      prototypes,
    });
    expect(store.getState().job).toMatchObject({ step: 10, totalSteps: 1000, maxCosine: 0.4 });
    expect(store.getState().live.getState()).toMatchObject({ N: 5, n: 3, step: 10 });
    expect(store.getState().live.getState().data).toBe(prototypes);
    // A newer request makes the first job stale: its messages change nothing.
    store.getState().setRequest({ N: 6 });
    job.handlers.onError?.('internal', 'late failure');
    expect(store.getState().error).toBeNull();
    expect(store.getState().job?.request.N).toBe(6);
  });
});
