/// <reference lib="webworker" />
// Entry point of the analysis worker: wiring only; the logic is src/jobs/analysisHost.ts.
import { createAnalysisHost } from '../jobs/analysisHost.ts';
import type { ToAnalysis } from '../jobs/analysisProtocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const host = createAnalysisHost({
  post: (message, transfer) => self.postMessage(message, { transfer: transfer ?? [] }),
  now: () => performance.now(),
});

self.onmessage = (event: MessageEvent<ToAnalysis>) => host.handle(event.data);
