import { describe, expect, it } from 'vitest';
import { writeNpy } from '../core/io/npy.ts';
import { runMethod } from '../core/methods/registry.ts';
import { createAnalysisHost } from './analysisHost.ts';
import type { FromAnalysis, ParseResult, SummaryResult, TableResult } from './analysisProtocol.ts';
import { runOutcome, SWEEP_BUDGET } from './analysisRuns.ts';

function ask(request: Parameters<ReturnType<typeof createAnalysisHost>['handle']>[0]['request']) {
  const messages: FromAnalysis[] = [];
  createAnalysisHost({ post: (m) => messages.push(m), now: () => performance.now() }).handle({
    jobId: 7,
    request,
  });
  return messages;
}

describe('analysis host', () => {
  it('summarises the octahedron: 12 pairs at cosine 0, 3 at -1, exact Gram image', () => {
    const { codebook } = runMethod({ method: 'orthoplex', N: 6, n: 3 });
    const [msg] = ask({ kind: 'summary', N: 6, n: 3, data: codebook.data, order: 'class', cap: 4 });
    expect(msg.type).toBe('done');
    const r = (msg as { result: SummaryResult }).result;
    expect(r.pairs).toBe(15);
    expect(Array.from(r.counts).reduce((a, b) => a + b, 0)).toBe(15);
    expect(Math.max(...r.counts)).toBe(12);
    expect(r.gram.size).toBe(4);
  });

  it('tabulates every method at (4, 3) with reasons where one cannot run', () => {
    const messages = ask({ kind: 'table', N: 4, n: 3, seed: 0 });
    const done = messages.at(-1) as { type: string; result: TableResult };
    expect(done.type).toBe('done');
    const rows = new Map(done.result.rows.map((r) => [r.method, r]));
    expect(rows.get('kasarla')?.maxCosine).toBeCloseTo(-1 / 3, 12);
    expect(rows.get('onehot')?.maxCosine).toBeNull();
    expect(rows.get('onehot')?.reason).toMatch(/n/);
    expect(messages.filter((m) => m.type === 'progress').length).toBe(rows.size);
  });

  it('reads a .npy file into prototypes and reports a corrupt one by name', () => {
    const { codebook } = runMethod({ method: 'orthoplex', N: 6, n: 3 });
    const bytes = writeNpy(codebook.data, [6, 3], 'float64');
    const [ok] = ask({ kind: 'parse', name: 'x.npy', bytes: bytes.slice().buffer });
    const r = (ok as { result: ParseResult }).result;
    expect([r.N, r.n, r.format]).toEqual([6, 3, 'npy']);
    expect(r.metrics.maxCosine).toBe(0);
    const [bad] = ask({ kind: 'parse', name: 'bad.npy', bytes: new Uint8Array([1, 2, 3]).buffer });
    expect(bad.type).toBe('error');
  });

  it('gives optimisers fewer steps, or skips them, when N^2 n is large', () => {
    const quick = runOutcome('mettes', 200, 512, 0, SWEEP_BUDGET, () => 0);
    expect(quick.reason).toMatch(/skipped/);
    // 3e8 / (40^2 * 512) = 366 steps of the default 1000.
    const fewer = runOutcome('mettes', 40, 512, 0, SWEEP_BUDGET, () => 0);
    expect(fewer.note).toBe('366 of 1000 steps');
    expect(fewer.maxCosine).toBeLessThan(0.2);
  });
});
