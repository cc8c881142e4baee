import type {
  BackendChoice,
  BackendName,
  BackendProbe,
  BackendSelection,
} from '../train/browser/choose.ts';
import type { TrainCheckpoint } from '../train/checkpoint.ts';
import { trainStep } from '../train/drive.ts';
import type { Trainer } from '../train/trainer.ts';
import type { BatchReport, EpochReport, TrainInput } from '../train/types.ts';
import { createFeatureCache } from './featureCache.ts';
import type { FromTrainWorker, ToTrainWorker, TrainErrorKind } from './trainProtocol.ts';

/** The training library's Trainer, as the host drives it (tests pass a fake). */
export type TrainerLike = Omit<Trainer, 'batchesPerEpoch'>;

/** Everything that touches the Worker API or TensorFlow.js, so the host runs in Node tests. */
export interface TrainHostEnvironment {
  post(message: FromTrainWorker, transfer?: Transferable[]): void;
  now(): number;
  /** Lets queued messages (pause, stop) be handled before the next step. */
  yieldToInbox(): Promise<void>;
  selectBackend(
    choice: BackendChoice,
    known: readonly BackendProbe[] | undefined,
    onStatus: (text: string) => void,
  ): Promise<BackendSelection>;
  createTrainer(input: TrainInput): TrainerLike;
  /**
   * Starts watching the active backend's device; `onLost` is called once if it goes away.
   * Returns a function that stops watching.
   */
  watchDevice(backend: BackendName, onLost: (detail: string) => void): () => void;
  /** Loses the device on purpose (tests); false when the backend has none. */
  loseDevice(backend: BackendName): boolean;
  /** True for the library's TrainingError: a problem in words a student can act on. */
  isTrainingError(error: unknown): boolean;
}

/** Live evaluations take at most this share of the training time... */
const LIVE_SHARE = 0.12;
/** ...and come at most this often. */
const LIVE_MIN_GAP_MS = 400;

class LostSignal extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}

interface Job {
  readonly jobId: number;
  readonly input: TrainInput;
  readonly resume: TrainCheckpoint | undefined;
  paused: boolean;
  stopped: boolean;
  /** Single steps still to run while paused. */
  pendingSteps: number;
  trainer: TrainerLike | null;
  backend: BackendName | null;
  /** Rejects when the device is lost; raced against every tfjs await. */
  lost: Promise<never>;
  loseNow: (detail: string) => void;
  unwatch: () => void;
  driving: boolean;
  /** True once a step has been started. */
  trained: boolean;
  lastEvalMs: number;
  lastEvalEnd: number;
  /** The assignment last told to the page (as text, to compare). */
  toldAssignment: string;
}

/**
 * The training worker's logic, free of the Worker API: one optimiser step at a time with the
 * inbox read in between, so pause, step and stop act exactly at a step boundary. After every
 * epoch the test split is evaluated (accuracy, confusion, embeddings, tensor count); between
 * epochs, cheap evaluations keep the embedding view moving.
 */
export function createTrainHost(env: TrainHostEnvironment) {
  let job: Job | null = null;
  const features = createFeatureCache();

  const alive = (active: Job) => job === active && !active.stopped;

  /** Awaits `work` unless the device is lost first. */
  const guarded = <T>(active: Job, work: Promise<T>): Promise<T> =>
    Promise.race([work, active.lost]);

  function end(active: Job): void {
    active.unwatch();
    try {
      active.trainer?.dispose();
    } catch {
      // A trainer on a lost device may fail to free its tensors; they are gone with the device.
    }
    active.trainer = null;
    if (job === active) job = null;
  }

  function fail(active: Job, e: unknown): void {
    if (!alive(active)) return;
    const backend = active.backend ?? undefined;
    end(active);
    if (e instanceof LostSignal) {
      const name = backend ? { webgpu: 'WebGPU', webgl: 'WebGL', cpu: 'CPU' }[backend] : 'GPU';
      env.post({
        type: 'error',
        jobId: active.jobId,
        kind: 'device-lost',
        backend,
        message: `The ${name} device was lost (${e.detail}), so training stopped. This happens when the graphics driver resets or the browser reclaims the GPU. Training can go on with another backend from the last finished epoch.`,
      });
      return;
    }
    // Before the first step a TrainingError is about the input; after it, about training (NaN).
    const kind: TrainErrorKind = !env.isTrainingError(e)
      ? 'internal'
      : active.trained
        ? 'training'
        : 'input';
    const message = e instanceof Error ? e.message : String(e);
    env.post({ type: 'error', jobId: active.jobId, kind, message, backend });
  }

  function postEpoch(active: Job, report: EpochReport): void {
    env.post({ type: 'epoch', jobId: active.jobId, report }, [
      report.embeddings.buffer,
      report.predictions.buffer,
      report.confusion.buffer,
    ]);
  }

  /** The labelling's assignment, told to the page whenever it changes (a relabelling). */
  function tellAssignment(active: Job, assignment: Int32Array | null): void {
    if (!alive(active) || assignment === null) return;
    const text = assignment.join(',');
    if (text === active.toldAssignment) return;
    active.toldAssignment = text;
    env.post({ type: 'assignment', jobId: active.jobId, assignment: Int32Array.from(assignment) });
  }

  /** Read back after every epoch, so a lost device costs at most the epoch in progress. */
  function postCheckpoint(active: Job, checkpoint: TrainCheckpoint): void {
    if (!alive(active)) return;
    const buffers = [...checkpoint.weights, ...checkpoint.moments].map((t) => t.values.buffer);
    env.post({ type: 'checkpoint', jobId: active.jobId, checkpoint }, buffers);
  }

  async function evaluateLive(active: Job, trainer: TrainerLike, last: BatchReport | null) {
    const t0 = env.now();
    const r = await guarded(active, trainer.evaluate());
    active.lastEvalEnd = env.now();
    active.lastEvalMs = active.lastEvalEnd - t0;
    if (!alive(active)) return;
    tellAssignment(active, r.assignment);
    const live = {
      epoch: last?.epoch ?? active.resume?.epoch ?? 0,
      batch: last ? last.batch + 1 : 0,
      testAccuracy: r.testAccuracy,
      embeddings: r.embeddings,
      predictions: r.predictions,
    };
    env.post({ type: 'live', jobId: active.jobId, live }, [
      live.embeddings.buffer,
      live.predictions.buffer,
    ]);
  }

  /** A live evaluation is due when it costs little next to the training since the last one. */
  function liveDue(active: Job): boolean {
    const since = env.now() - active.lastEvalEnd;
    return since >= LIVE_MIN_GAP_MS && active.lastEvalMs <= LIVE_SHARE * since;
  }

  async function setup(active: Job, choice: BackendChoice, known?: readonly BackendProbe[]) {
    const selection = await env.selectBackend(choice, known, (text) => {
      if (alive(active)) env.post({ type: 'status', jobId: active.jobId, text });
    });
    if (!alive(active)) return;
    active.backend = selection.name;
    env.post({ type: 'backend', jobId: active.jobId, selection });
    active.unwatch = env.watchDevice(selection.name, (detail) => {
      active.loseNow(detail);
      // When no step is running (paused), nothing awaits the race that would notice: report
      // it now rather than at the next step. (A second report of the same loss is ignored.)
      if (!active.driving) fail(active, new LostSignal(detail));
    });
    const cached = features.withKept(active.input);
    const trainer = env.createTrainer(cached.input);
    active.trainer = trainer;
    const preparing = cached.reused
      ? 'Using the features of the last run on these images…'
      : 'Preparing the data…';
    env.post({ type: 'status', jobId: active.jobId, text: preparing });
    await guarded(
      active,
      trainer.prepare(
        (p) => {
          if (alive(active)) env.post({ type: 'prepare', jobId: active.jobId, ...p });
        },
        () => !alive(active),
      ),
    );
    if (!alive(active)) return;
    features.keep(cached.key, trainer.features());
    if (active.resume) await guarded(active, trainer.restore(active.resume));
    tellAssignment(active, trainer.assignment);
    if (!alive(active)) return;
    // Where the embeddings start (untrained), when that is cheap: fast mode's head only.
    if (active.input.config.mode === 'fast') await evaluateLive(active, trainer, null);
    if (!alive(active)) return;
    env.post({
      type: 'status',
      jobId: active.jobId,
      text: active.resume ? `Training (going on after epoch ${active.resume.epoch})` : 'Training',
    });
    if (active.paused) env.post({ type: 'paused', jobId: active.jobId, paused: true });
    wake(active);
  }

  function wake(active: Job): void {
    if (active.driving || !active.trainer) return;
    active.driving = true;
    drive(active).catch((e) => fail(active, e));
  }

  async function drive(active: Job): Promise<void> {
    const trainer = active.trainer as TrainerLike;
    try {
      while (alive(active) && !trainer.done) {
        // Paused with no single steps left: stop here; resume or step wakes the loop again.
        if (active.paused && active.pendingSteps === 0) return;
        const t0 = env.now();
        let evalStart = t0;
        active.trained = true;
        const { batch, epoch } = await trainStep(trainer, {
          guard: (work) => guarded(active, work),
          shouldStop: () => !alive(active),
          onBatch(report) {
            if (active.pendingSteps > 0) active.pendingSteps--;
            if (!alive(active)) return;
            env.post({ type: 'batch', jobId: active.jobId, report, stepMs: env.now() - t0 });
            evalStart = env.now();
          },
          onEpoch(report) {
            active.lastEvalEnd = env.now();
            active.lastEvalMs = active.lastEvalEnd - evalStart;
            tellAssignment(active, report.assignment);
            if (alive(active)) postEpoch(active, report);
          },
          onCheckpoint: (checkpoint) => postCheckpoint(active, checkpoint),
        });
        if (!alive(active)) return;
        tellAssignment(active, trainer.assignment);
        if (epoch === null && (liveDue(active) || (active.paused && active.lastEvalMs < 2000))) {
          // While single-stepping every step is shown, if the evaluation is quick.
          await evaluateLive(active, trainer, batch);
        }
        if (active.paused && active.pendingSteps === 0) {
          env.post({ type: 'paused', jobId: active.jobId, paused: true });
        }
        await env.yieldToInbox();
      }
    } finally {
      // Same tick as a return above, so a resume that arrives next always restarts the loop.
      active.driving = false;
    }
    if (!alive(active)) return;
    const epochs = active.input.config.epochs;
    end(active);
    env.post({ type: 'done', jobId: active.jobId, epochs });
  }

  function start(message: Extract<ToTrainWorker, { type: 'start' }>): void {
    if (job) stop(job);
    let loseNow: (detail: string) => void = () => {};
    const lost = new Promise<never>((_, reject) => {
      loseNow = (detail) => reject(new LostSignal(detail));
    });
    lost.catch(() => {}); // raced, never awaited alone
    const active: Job = {
      jobId: message.jobId,
      input: message.input,
      resume: message.resume,
      paused: message.paused ?? false,
      stopped: false,
      pendingSteps: 0,
      trainer: null,
      backend: null,
      lost,
      loseNow,
      unwatch: () => {},
      driving: false,
      trained: false,
      lastEvalMs: 0,
      lastEvalEnd: env.now(),
      toldAssignment: '',
    };
    job = active;
    setup(active, message.backend, message.known).catch((e) => fail(active, e));
  }

  function stop(active: Job): void {
    active.stopped = true;
    end(active);
    env.post({ type: 'stopped', jobId: active.jobId });
  }

  return {
    handle(message: ToTrainWorker): void {
      if (message.type === 'start') {
        start(message);
        return;
      }
      const active = job;
      if (!active || active.jobId !== message.jobId) return; // late message for an old run
      switch (message.type) {
        case 'stop':
          stop(active);
          return;
        case 'pause':
          active.paused = true;
          // Between steps (not driving) there is nothing to finish: paused at once.
          if (!active.driving) env.post({ type: 'paused', jobId: active.jobId, paused: true });
          return;
        case 'resume':
          active.paused = false;
          active.pendingSteps = 0;
          env.post({ type: 'paused', jobId: active.jobId, paused: false });
          wake(active);
          return;
        case 'step':
          active.paused = true;
          active.pendingSteps += 1;
          wake(active);
          return;
        case 'lose-device':
          if (active.backend && !env.loseDevice(active.backend)) {
            env.post({
              type: 'status',
              jobId: active.jobId,
              text: `The ${active.backend} backend has no GPU device to lose.`,
            });
          }
          return;
      }
    },
  };
}
