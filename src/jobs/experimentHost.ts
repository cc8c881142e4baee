/**
 * The experiment worker's logic without the Worker API (so it can run in Node): pick a backend,
 * run the runs, post progress (at most every 200 ms), each result, and the end.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { runExperiment } from '../train/experiment/runner.ts';
import type { FromExperimentWorker, ToExperimentWorker } from './experimentProtocol.ts';

export interface ExperimentHostEnvironment {
  readonly tf: typeof TF;
  post(message: FromExperimentWorker): void;
  now(): number;
  /** Activates a backend; resolves with its name. */
  selectBackend(): Promise<string>;
}

export function createExperimentHost(env: ExperimentHostEnvironment) {
  return {
    async handle(message: ToExperimentWorker): Promise<void> {
      const { jobId } = message;
      try {
        env.post({ type: 'backend', jobId, name: await env.selectBackend() });
        let last = Number.NEGATIVE_INFINITY;
        await runExperiment(env.tf, message.data, message.n, message.runs, message.labelling, {
          onProgress(progress) {
            const now = env.now();
            if (now - last < 200) return;
            last = now;
            env.post({ type: 'progress', jobId, progress });
          },
          onResult: (result) => env.post({ type: 'result', jobId, result }),
        });
        env.post({ type: 'done', jobId });
      } catch (e) {
        env.post({ type: 'error', jobId, message: e instanceof Error ? e.message : String(e) });
      }
    },
  };
}
