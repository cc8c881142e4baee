/// <reference lib="webworker" />
// Entry point of the training worker: wiring only; the logic is src/jobs/trainHost.ts. It
// imports TensorFlow.js at run time (as the experiment worker and the Node entry do), so tfjs is
// loaded by the workers, never the page.
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core alone has no gradients and no chained ops (x.mean()); the tfjs bundle adds them so.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { createTrainHost } from '../jobs/trainHost.ts';
import type { ToTrainWorker } from '../jobs/trainProtocol.ts';
import { loseDevice, selectBackend, watchDeviceLoss } from '../train/browser/backends.ts';
import { withCpuEngine } from '../train/browser/choose.ts';
import { registerWasmBackend } from '../train/browser/wasmBackend.ts';
import { createTrainer } from '../train/trainer.ts';
import { TrainingError } from '../train/types.ts';
import { switchCpuToWasm } from '../train/wasmOnCpu.ts';

declare const self: DedicatedWorkerGlobalScope;

// On the CPU training runs on tfjs's WebAssembly backend (train/wasmOnCpu.ts); it is
// registered while the backends are probed, and waited for before the choice is made.
const wasmRegistered = registerWasmBackend(tf);

const host = createTrainHost({
  post: (message, transfer) => self.postMessage(message, { transfer: transfer ?? [] }),
  now: () => performance.now(),
  // A timer task, so pause and stop queued behind a step are read before the next one.
  yieldToInbox: () => new Promise<void>((resolve) => setTimeout(resolve, 0)),
  selectBackend: async (choice, known, onStatus) => {
    const wasm = await wasmRegistered;
    // Without a real GPU the CPU (on WebAssembly) is taken without timing anything.
    const cpuEngine = wasm ? 'WebAssembly' : undefined;
    const selection = await selectBackend(tf, choice, { known, onStatus, cpuEngine });
    if (selection.name !== 'cpu') return selection;
    return withCpuEngine(selection, (await switchCpuToWasm(tf)) ? 'WebAssembly' : null);
  },
  createTrainer: (input) => createTrainer(tf, input),
  watchDevice: (backend, onLost) => watchDeviceLoss(tf, backend, (e) => onLost(e.message)),
  loseDevice: (backend) => loseDevice(tf, backend),
  isTrainingError: (e) => e instanceof TrainingError,
});

self.onmessage = (event: MessageEvent<ToTrainWorker>) => host.handle(event.data);
