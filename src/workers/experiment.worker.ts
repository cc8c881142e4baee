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
import { activate, probeBackends, watchDeviceLoss } from '../train/browser/backends.ts';
import { firstHardware } from '../train/browser/choose.ts';
import { registerWasmBackend } from '../train/browser/wasmBackend.ts';
import { switchCpuToWasm } from '../train/wasmOnCpu.ts';

declare const self: DedicatedWorkerGlobalScope;

// On the CPU the runs go to the WebAssembly backend (train/wasmOnCpu.ts).
const wasmRegistered = registerWasmBackend(tf);

const host = createExperimentHost({
  tf,
  post: (message, transfer) => self.postMessage(message, transfer ?? []),
  now: () => performance.now(),
  // WebGL on a real GPU (the feature stage's convolutions); on a software renderer the CPU
  // backend is as fast and needs no shader compiling.
  selectBackend: async () => {
    await wasmRegistered;
    const hardware = firstHardware(await probeBackends(tf));
    if (hardware && (await activate(tf, hardware.name).catch(() => false))) return hardware.name;
    return selectCpu();
  },
  selectCpu,
  watchDevice: (backend, onLost) =>
    backend === 'webgpu' || backend === 'webgl'
      ? watchDeviceLoss(tf, backend, (e) => onLost(e.message))
      : () => {},
});

async function selectCpu(): Promise<string> {
  await activate(tf, 'cpu');
  // On the CPU, WebAssembly runs both modes several times faster than JavaScript.
  return (await switchCpuToWasm(tf)) ? 'wasm' : 'cpu';
}

self.onmessage = (event: MessageEvent<ToExperimentWorker>) => {
  void host.handle(event.data);
};
