// Test support: a training-jobs stand-in whose worker events a test plays, and epoch reports.
import type { TrainEvent, TrainJobs } from '../../jobs/trainClient.ts';
import { DEFAULT_TRAIN_CONFIG, type EpochReport, type TrainInput } from '../../train/types.ts';

/** Records what the store asks of the runner; `emit` plays the worker's part. */
export function fakeRunner() {
  const calls: { what: string; options?: unknown }[] = [];
  const listeners: ((e: TrainEvent) => void)[] = [];
  const runner: TrainJobs = {
    start(_input, options, onEvent) {
      calls.push({ what: 'start', options });
      listeners.push(onEvent);
      return listeners.length;
    },
    pause: () => calls.push({ what: 'pause' }),
    resume: () => calls.push({ what: 'resume' }),
    step: () => calls.push({ what: 'step' }),
    stop: () => calls.push({ what: 'stop' }),
    loseDevice: () => calls.push({ what: 'loseDevice' }),
  };
  /** Sends an event from run `run` (1-based, in start order; default the newest). */
  const emit = (e: TrainEvent, run = listeners.length) => listeners[run - 1](e);
  return { runner, calls, emit };
}

export const epochReport = (epoch: number, numTensors: number): EpochReport => ({
  epoch,
  loss: 1 / epoch,
  trainAccuracy: 0.4 + epoch / 10,
  testAccuracy: 0.3 + epoch / 10,
  perClassAccuracy: [0.5, 0.5],
  confusion: Int32Array.of(1, 0, 0, 1),
  embeddings: new Float32Array(6),
  predictions: Int32Array.of(0, 1),
  assignment: null,
  numTensors,
  timeMs: 5,
});

/** Two classes of blank images onto two opposite prototypes: what a store hands to the jobs. */
export const tinyTrainInput: TrainInput = {
  train: { count: 4, pixels: new Uint8Array(4 * 3072), labels: Uint8Array.of(0, 1, 0, 1) },
  test: { count: 2, pixels: new Uint8Array(2 * 3072), labels: Uint8Array.of(0, 1) },
  classCount: 2,
  prototypes: { N: 2, n: 3, data: Float64Array.of(1, 0, 0, -1, 0, 0) },
  config: DEFAULT_TRAIN_CONFIG,
};
