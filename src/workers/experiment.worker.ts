/// <reference lib="webworker" />
// Entry point of the experiment worker: wiring only (src/jobs/experimentHost.ts has the logic).
// TensorFlow.js is imported here, so the page never loads it.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { createExperimentHost } from '../jobs/experimentHost.ts';
import type { ToExperimentWorker } from '../jobs/experimentProtocol.ts';
import { activate, probeBackends } from '../train/browser/backends.ts';
import { firstHardware } from '../train/browser/choose.ts';
import { registerWasmBackend } from '../train/browser/wasmBackend.ts';
import { switchFastModeToWasm } from '../train/models/featureBackend.ts';

declare const self: DedicatedWorkerGlobalScope;

// On the CPU fast-mode runs go to the WebAssembly backend (models/featureBackend.ts).
const wasmRegistered = registerWasmBackend(tf);

const host = createExperimentHost({
  tf,
  post: (message) => self.postMessage(message),
  now: () => performance.now(),
  // WebGL on a real GPU (the feature stage's convolutions); on a software renderer the CPU
  // backend is as fast and needs no shader compiling.
  selectBackend: async (modes) => {
    await wasmRegistered;
    const hardware = firstHardware(await probeBackends(tf));
    if (hardware && (await activate(tf, hardware.name).catch(() => false))) return hardware.name;
    await activate(tf, 'cpu');
    // Fast-mode runs only (matrix products): WebAssembly runs them several times faster.
    if (modes.every((m) => m === 'fast') && (await switchFastModeToWasm(tf, 'fast'))) {
      return 'wasm';
    }
    return 'cpu';
  },
});

self.onmessage = (event: MessageEvent<ToExperimentWorker>) => {
  void host.handle(event.data);
};
