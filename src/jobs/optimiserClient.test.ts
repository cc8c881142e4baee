import { describe, expect, it, vi } from 'vitest';
import { CANCEL_GRACE_MS, createOptimiserClient, type WorkerLike } from './optimiserClient.ts';
import { createOptimiserHost } from './optimiserHost.ts';
import type { FromWorker, ToWorker } from './optimiserProtocol.ts';

/** A worker that runs the real host in-process, asynchronously like a real worker. */
function inProcessWorker(): WorkerLike & { terminated: boolean } {
  const w: WorkerLike & { terminated: boolean } = {
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage: (m: ToWorker) => setTimeout(() => !w.terminated && host.handle(m), 0),
    terminate: () => {
      w.terminated = true;
    },
  };
  const host = createOptimiserHost({
    post: (m: FromWorker) =>
      setTimeout(() => !w.terminated && w.onmessage?.({ data: m } as MessageEvent<FromWorker>), 0),
    now: () => performance.now(),
    yieldToInbox: () => new Promise((r) => setTimeout(r, 0)),
  });
  return w;
}

/** A worker stuck in one long step: it never answers. */
function stuckWorker(): WorkerLike & { terminated: boolean } {
  return {
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage() {},
    terminate() {
      this.terminated = true;
    },
  };
}

describe('optimiser client', () => {
  it('delivers progress and the result of a job', async () => {
    const client = createOptimiserClient(inProcessWorker);
    const onProgress = vi.fn();
    const result = await new Promise<{ maxCosine: number }>((resolve, reject) => {
      client.start(
        { method: 'lse', N: 10, n: 16, seed: 0, params: { steps: 200 } },
        {
          onProgress,
          onDone: (r) => resolve(r.metrics),
          onError: (_, m) => reject(new Error(m)),
        },
      );
    });
    expect(onProgress).toHaveBeenCalled();
    expect(result.maxCosine).toBeLessThan(0);
    expect(client.busy).toBe(false);
  });

  it('sends the speed cap with the start and to the running job only', () => {
    const sent: ToWorker[] = [];
    const client = createOptimiserClient(() => ({
      ...stuckWorker(),
      postMessage: (m) => sent.push(m),
    }));
    client.setSpeed(5); // no job: nothing to tell
    const jobId = client.start({ method: 'lse', N: 5, n: 3, seed: 0 }, {}, { stepsPerSecond: 20 });
    client.setSpeed(0);
    expect(sent).toEqual([
      { type: 'start', jobId, request: { method: 'lse', N: 5, n: 3, seed: 0 }, stepsPerSecond: 20 },
      { type: 'speed', jobId, stepsPerSecond: 0 },
    ]);
  });

  it('ends a worker that does not confirm a cancel in time, and makes a fresh one', async () => {
    const made: (WorkerLike & { terminated: boolean })[] = [];
    const client = createOptimiserClient(() => {
      const w = made.length === 0 ? stuckWorker() : inProcessWorker();
      made.push(w);
      return w;
    });
    const onCancelled = vi.fn();
    client.start({ method: 'lse', N: 10, n: 3, seed: 0 }, { onCancelled });
    client.cancel();
    await new Promise((r) => setTimeout(r, CANCEL_GRACE_MS + 40));
    expect(onCancelled).toHaveBeenCalledOnce();
    expect(made[0].terminated).toBe(true);
    const done = await new Promise((resolve) =>
      client.start({ method: 'kasarla', N: 3, n: 3, seed: 0 }, { onDone: resolve }),
    );
    expect(done).toBeTruthy();
    expect(made.length).toBe(2);
  });

  it('reports a crash in words and recovers with a fresh worker', async () => {
    const made: (WorkerLike & { terminated: boolean })[] = [];
    const client = createOptimiserClient(() => {
      const w = made.length === 0 ? stuckWorker() : inProcessWorker();
      made.push(w);
      return w;
    });
    const onError = vi.fn();
    client.start({ method: 'lse', N: 10, n: 3, seed: 0 }, { onError });
    made[0].onerror?.({ message: 'out of memory', preventDefault() {} } as ErrorEvent);
    expect(onError).toHaveBeenCalledWith('crash', expect.stringMatching(/stopped unexpectedly/));
    expect(made[0].terminated).toBe(true);
    const done = await new Promise((resolve) =>
      client.start({ method: 'orthoplex', N: 6, n: 3, seed: 0 }, { onDone: resolve }),
    );
    expect(done).toBeTruthy();
  });
});
