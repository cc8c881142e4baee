/// <reference lib="webworker" />
// Entry point of the scene-geometry worker: wiring only; the logic is src/jobs/sceneGeometryHost.ts.
import { handleGeometry } from '../jobs/sceneGeometryHost.ts';
import type { ToGeometry } from '../jobs/sceneGeometryProtocol.ts';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<ToGeometry>) => {
  const { reply, transfer } = handleGeometry(event.data);
  self.postMessage(reply, { transfer });
};
