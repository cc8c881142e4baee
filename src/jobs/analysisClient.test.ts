import { describe, expect, it } from 'vitest';
import { type AnalysisWorkerLike, createAnalysisClient } from './analysisClient.ts';
import type { FromAnalysis, ToAnalysis } from './analysisProtocol.ts';

/** A worker that keeps what it is sent and answers when told to. */
function fakeWorkers() {
  const made: (AnalysisWorkerLike & { sent: ToAnalysis[]; ended: boolean })[] = [];
  const make = () => {
    const w = {
      sent: [] as ToAnalysis[],
      ended: false,
      onmessage: null as AnalysisWorkerLike['onmessage'],
      onerror: null as AnalysisWorkerLike['onerror'],
      postMessage(m: ToAnalysis) {
        w.sent.push(m);
      },
      terminate() {
        w.ended = true;
      },
    };
    made.push(w);
    return w;
  };
  const reply = (k: number, m: FromAnalysis) =>
    made[k].onmessage?.({ data: m } as MessageEvent<FromAnalysis>);
  return { made, make, reply };
}

const table = { kind: 'table', N: 4, n: 3, seed: 0 } as const;

describe('analysis client', () => {
  it('delivers progress and the result of the current request', () => {
    const { make, reply, made } = fakeWorkers();
    const client = createAnalysisClient(make);
    const seen: string[] = [];
    client.run(table, {
      onProgress: (f, label) => seen.push(`${f} ${label}`),
      onDone: (r) => seen.push(`done ${r.kind}`),
      onError: (e) => seen.push(`error ${e}`),
    });
    const { jobId } = made[0].sent[0];
    reply(0, { type: 'progress', jobId, fraction: 0.5, label: 'lse at n = 3' });
    reply(0, { type: 'done', jobId, result: { kind: 'table', rows: [] } });
    expect(seen).toEqual(['0.5 lse at n = 3', 'done table']);
    expect(client.busy).toBe(false);
  });

  it('ends the worker on cancel or a new request, and drops the old answers', () => {
    const { make, reply, made } = fakeWorkers();
    const client = createAnalysisClient(make);
    const seen: string[] = [];
    const handlers = {
      onDone: () => seen.push('done'),
      onError: (e: string) => seen.push(`error ${e}`),
    };
    client.run(table, handlers);
    const first = made[0].sent[0].jobId;
    client.run(table, handlers);
    expect(made[0].ended).toBe(true);
    expect(made).toHaveLength(2);
    reply(0, { type: 'done', jobId: first, result: { kind: 'table', rows: [] } });
    expect(seen).toEqual([]);
    client.cancel();
    expect(made[1].ended).toBe(true);
    expect(client.busy).toBe(false);
  });
});
