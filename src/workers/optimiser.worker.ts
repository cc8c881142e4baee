/// <reference lib="webworker" />
// Entry point of the optimiser worker: wiring only; the logic is src/jobs/optimiserHost.ts.
import { createOptimiserHost } from '../jobs/optimiserHost.ts';
import type { ToWorker } from '../jobs/optimiserProtocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const host = createOptimiserHost({
  post: (message, transfer) => self.postMessage(message, { transfer: transfer ?? [] }),
  now: () => performance.now(),
  // A timer task, not a MessageChannel round trip: Chromium may run port messages ahead of the
  // worker's own inbox, which would starve pause and cancel.
  yieldToInbox: () => new Promise<void>((resolve) => setTimeout(resolve, 0)),
  wait: (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
});

self.onmessage = (event: MessageEvent<ToWorker>) => host.handle(event.data);
