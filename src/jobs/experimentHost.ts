/**
 * The experiment worker's logic without the Worker API (so it runs in Node): pick a backend, run
 * the runs, post progress (at most every 200 ms), each result, and the end. When the GPU device
 * is lost it goes on, as live training does: on the CPU, from the running run's last epoch.
 */
import type * as TF from '@tensorflow/tfjs-core';
import type { TrainCheckpoint } from '../train/checkpoint.ts';
import { runExperiment } from '../train/experiment/runner.ts';
import type { FastFeatures } from '../train/types.ts';
import type { FromExperimentWorker, ToExperimentWorker } from './experimentProtocol.ts';

export interface ExperimentHostEnvironment {
  readonly tf: typeof TF;
  /** Sends a message; `transfer` lists buffers moved rather than copied (the page gets them free). */
  post(message: FromExperimentWorker, transfer?: Transferable[]): void;
  now(): number;
  /** Activates a backend; resolves with its name. */
  selectBackend(): Promise<string>;
  /** Activates the CPU after a loss; resolves with the backend's name (cpu or wasm). */
  selectCpu(): Promise<string>;
  /** Calls `onLost` once if the backend's device goes away; returns a function that stops. */
  watchDevice(backend: string, onLost: (detail: string) => void): () => void;
}

class LostSignal extends Error {}

const NAMES: Record<string, string> = { webgpu: 'WebGPU', webgl: 'WebGL' };

export function createExperimentHost(env: ExperimentHostEnvironment) {
  return {
    async handle(message: ToExperimentWorker): Promise<void> {
      const { jobId } = message;
      try {
        let backend = await env.selectBackend();
        env.post({ type: 'backend', jobId, name: backend });
        let runs = message.runs;
        let features: FastFeatures | null = message.features ?? null;
        let resume: TrainCheckpoint | undefined;
        const finished = new Set<string>();
        let latest: { key: string; checkpoint: TrainCheckpoint } | null = null;
        let last = Number.NEGATIVE_INFINITY;
        for (;;) {
          let lose: (detail: string) => void = () => {};
          const lost = new Promise<never>((_, reject) => {
            lose = (detail) => reject(new LostSignal(detail));
          });
          lost.catch(() => {}); // raced, never awaited alone
          const unwatch = env.watchDevice(backend, (detail) => lose(detail));
          try {
            await runExperiment(
              env.tf,
              message.data,
              message.n,
              runs,
              message.labelling,
              {
                guard: (work) => Promise.race([work, lost]),
                onFeatures: (f) => {
                  features = f;
                  // A copy, moved to the page: the page does not spend its time copying tens of MB.
                  const copy = copyFeatures(f);
                  env.post({ type: 'features', jobId, features: copy }, buffersOf(copy));
                },
                onCheckpoint: (key, checkpoint, final) => {
                  latest = final ? null : { key, checkpoint };
                },
                onProgress(progress) {
                  const now = env.now();
                  if (now - last < 200) return;
                  last = now;
                  env.post({ type: 'progress', jobId, progress });
                },
                fatal: (e) => e instanceof LostSignal,
                onRunFailed: (key, text) => {
                  finished.add(key);
                  env.post({ type: 'runFailed', jobId, key, message: text });
                },
                onResult: (result) => {
                  finished.add(result.key);
                  env.post({ type: 'result', jobId, result });
                },
              },
              features,
              resume,
            );
            break;
          } catch (e) {
            if (!(e instanceof LostSignal)) throw e;
            runs = runs.filter((r) => !finished.has(r.key));
            const going = latest as { key: string; checkpoint: TrainCheckpoint } | null;
            resume = going !== null && going.key === runs[0]?.key ? going.checkpoint : undefined;
            const from = resume ? `from epoch ${resume.epoch} of` : 'from the start of';
            env.post({
              type: 'status',
              jobId,
              text: `The ${NAMES[backend] ?? backend} device was lost (${e.message}), so the runs go on on the CPU, ${from} run ${runs[0]?.key ?? ''}.`,
            });
            backend = await env.selectCpu();
            env.post({ type: 'backend', jobId, name: backend });
          } finally {
            unwatch();
          }
        }
        env.post({ type: 'done', jobId });
      } catch (e) {
        env.post({ type: 'error', jobId, message: e instanceof Error ? e.message : String(e) });
      }
    },
  };
}

function copyFeatures(f: FastFeatures): FastFeatures {
  return {
    ...f,
    train: f.train.slice(),
    test: f.test.slice(),
    ...(f.trainFlipped ? { trainFlipped: f.trainFlipped.slice() } : {}),
  };
}

function buffersOf(f: FastFeatures): ArrayBuffer[] {
  return [f.train, f.test, ...(f.trainFlipped ? [f.trainFlipped] : [])].map(
    (a) => a.buffer as ArrayBuffer,
  );
}
