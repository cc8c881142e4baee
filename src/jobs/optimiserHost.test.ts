import { describe, expect, it } from 'vitest';
import { runMethod } from '../core/methods/registry.ts';
import { createOptimiserHost } from './optimiserHost.ts';
import type { FromWorker, JobProgress, ToWorker } from './optimiserProtocol.ts';

function makeHost() {
  const inbox: FromWorker[] = [];
  const host = createOptimiserHost({
    post: (m) => inbox.push(m),
    now: () => performance.now(),
    yieldToInbox: () => new Promise((resolve) => setTimeout(resolve, 0)),
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
  const waitFor = async (predicate: (m: FromWorker) => boolean, ms = 20_000) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      const hit = inbox.find(predicate);
      if (hit) return hit;
      await new Promise((r) => setTimeout(r, 2));
    }
    throw new Error('timed out waiting for a worker message');
  };
  const send = (m: ToWorker) => host.handle(m);
  return { inbox, send, waitFor };
}

const request = { method: 'lse', N: 20, n: 3, seed: 4, params: { steps: 300 } };

describe('optimiser host (the worker logic)', () => {
  it('runs a step-wise method to the same prototypes as runMethod, with progress', async () => {
    const { inbox, send, waitFor } = makeHost();
    send({ type: 'start', jobId: 1, request });
    const done = await waitFor((m) => m.type === 'done');
    if (done.type !== 'done') throw new Error('unreachable');
    const direct = runMethod(request);
    expect(Array.from(done.result.data)).toEqual(Array.from(direct.codebook.data));
    expect(done.result.steps).toBe(300);
    const progress = inbox.filter((m): m is JobProgress => m.type === 'progress');
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)?.step).toBe(300);
    // n <= 4: live prototypes travel with progress for the animation.
    expect(progress.at(-1)?.prototypes?.length).toBe(20 * 3);
    // Progress reports the max cosine measured at the last step, one update behind the result.
    expect(
      Math.abs((progress.at(-1)?.maxCosine ?? 0) - done.result.metrics.maxCosine),
    ).toBeLessThan(0.05);
  });

  it('starts paused, single-steps, resumes, pauses at once and finishes', async () => {
    const { inbox, send, waitFor } = makeHost();
    send({
      type: 'start',
      jobId: 7,
      request: { ...request, params: { steps: 20_000 } },
      paused: true,
    });
    expect(inbox[0]).toMatchObject({ type: 'progress', step: 0, paused: true });
    send({ type: 'step', jobId: 7, count: 5 });
    await waitFor((m) => m.type === 'progress' && m.step === 5 && m.paused);
    await new Promise((r) => setTimeout(r, 30));
    expect(inbox.some((m) => m.type === 'progress' && m.step > 5)).toBe(false);
    send({ type: 'resume', jobId: 7 });
    await waitFor((m) => m.type === 'progress' && m.step > 5 && !m.paused);
    send({ type: 'pause', jobId: 7 });
    const last = inbox.at(-1);
    expect(last).toMatchObject({ type: 'progress', paused: true });
    await new Promise((r) => setTimeout(r, 30));
    expect(inbox.at(-1)).toBe(last);
    send({ type: 'resume', jobId: 7 });
    const done = await waitFor((m) => m.type === 'done');
    expect(done.jobId).toBe(7);
    if (done.type === 'done') expect(done.result.steps).toBe(20_000);
  });

  it('caps the speed while running, shows every capped step, and the prototypes do not change', async () => {
    const { inbox, send, waitFor } = makeHost();
    const slow = { ...request, params: { steps: 2000 } };
    send({ type: 'start', jobId: 8, request: slow, stepsPerSecond: 40 });
    await new Promise((r) => setTimeout(r, 250));
    const steps = inbox.filter((m): m is JobProgress => m.type === 'progress').map((m) => m.step);
    // 40 steps per second for a quarter of a second: about 10 steps (the first one at once).
    expect(Math.max(...steps)).toBeGreaterThanOrEqual(4);
    expect(Math.max(...steps)).toBeLessThanOrEqual(16);
    // Slow enough that every step is shown, one at a time.
    expect(steps.slice(1).every((s, i) => s - steps[i] <= 1)).toBe(true);
    send({ type: 'speed', jobId: 8, stepsPerSecond: 0 });
    const done = await waitFor((m) => m.type === 'done');
    if (done.type !== 'done') throw new Error('unreachable');
    expect(done.result.steps).toBe(2000);
    expect(Array.from(done.result.data)).toEqual(Array.from(runMethod(slow).codebook.data));
  });

  it('cancels between chunks and never reports the cancelled job as done', async () => {
    const { inbox, send, waitFor } = makeHost();
    send({
      type: 'start',
      jobId: 2,
      request: { ...request, N: 200, n: 16, params: { steps: 100_000 } },
    });
    await new Promise((r) => setTimeout(r, 50));
    send({ type: 'cancel', jobId: 2 });
    await waitFor((m) => m.type === 'cancelled');
    await new Promise((r) => setTimeout(r, 50));
    expect(inbox.some((m) => m.type === 'done')).toBe(false);
  });

  it('a new start replaces the running job', async () => {
    const { send, waitFor } = makeHost();
    send({ type: 'start', jobId: 3, request: { ...request, params: { steps: 100_000 } } });
    send({ type: 'start', jobId: 4, request: { method: 'kasarla', N: 4, n: 3, seed: 0 } });
    await waitFor((m) => m.type === 'cancelled' && m.jobId === 3);
    const done = await waitFor((m) => m.type === 'done');
    expect(done.jobId).toBe(4);
    if (done.type === 'done') expect(done.result.metrics.maxCosine).toBeCloseTo(-1 / 3, 14);
  });

  it('reports bad input and infeasible sizes in words, and ignores messages for other jobs', async () => {
    const { inbox, send } = makeHost();
    send({ type: 'start', jobId: 5, request: { method: 'lse', N: 1, n: 3, seed: 0 } });
    expect(inbox.at(-1)).toMatchObject({ type: 'error', kind: 'input' });
    send({ type: 'start', jobId: 6, request: { method: 'onehot', N: 9, n: 3, seed: 0 } });
    expect(inbox.at(-1)).toMatchObject({ type: 'error', kind: 'infeasible' });
    expect((inbox.at(-1) as { message: string }).message).toMatch(/N <= n/);
    const count = inbox.length;
    send({ type: 'cancel', jobId: 99 });
    expect(inbox.length).toBe(count);
  });

  it('forwards the progress of a method that runs in one piece (best), with live prototypes', async () => {
    const { inbox, send, waitFor } = makeHost();
    send({
      type: 'start',
      jobId: 11,
      request: { method: 'best', N: 13, n: 3, seed: 0, params: { budget: 0.6 } },
    });
    const done = await waitFor((m) => m.type === 'done');
    const progress = inbox.filter((m): m is JobProgress => m.type === 'progress');
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.some((p) => p.prototypes?.length === 13 * 3)).toBe(true);
    if (done.type === 'done') expect(done.result.route).toBeTruthy();
  });
});
