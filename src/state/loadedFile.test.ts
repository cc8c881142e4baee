import { describe, expect, it } from 'vitest';
import { writeNpy } from '../core/io/npy.ts';
import { runMethod } from '../core/methods/registry.ts';
import { createAnalysisHost } from '../jobs/analysisHost.ts';
import type { FromAnalysis, ParseResult } from '../jobs/analysisProtocol.ts';
import { inProcessOptimiserJobs } from '../jobs/optimiserClient.ts';
import { createLabStore } from './labStore.ts';
import { fileMethodLabel, showLoadedPrototypes } from './loadedFile.ts';

function parsed(name: string, bytes: Uint8Array): ParseResult {
  const out: FromAnalysis[] = [];
  createAnalysisHost({ post: (m) => out.push(m), now: () => 0 }).handle({
    jobId: 1,
    request: { kind: 'parse', name, bytes: bytes.slice().buffer },
  });
  const done = out[0];
  if (done.type !== 'done' || done.result.kind !== 'parse') throw new Error('not parsed');
  return done.result;
}

describe('prototypes from a file', () => {
  it('become the current prototypes without changing the request', async () => {
    const store = createLabStore(inProcessOptimiserJobs());
    await Promise.resolve();
    const request = store.getState().request;
    const { codebook } = runMethod({ method: 'orthoplex', N: 6, n: 3 });
    showLoadedPrototypes(parsed('octa.npy', writeNpy(codebook.data, [6, 3], 'float64')), store);
    const s = store.getState();
    expect(s.current?.method).toBe(fileMethodLabel('octa.npy'));
    expect(s.current?.method).toBe('file: octa.npy');
    expect([s.current?.N, s.current?.n]).toEqual([6, 3]);
    expect(s.current?.metrics.maxCosine).toBe(0);
    expect(Array.from(s.current?.codebook.data ?? [])).toEqual(Array.from(codebook.data));
    expect(s.request).toBe(request);
    expect(s.error).toBeNull();
  });
});
