import { createStore } from 'zustand/vanilla';
import { defaultTrainJobs, type TrainEvent, type TrainJobs } from '../jobs/trainClient.ts';
import type { LiveEvaluation } from '../jobs/trainProtocol.ts';
import type { BackendChoice, BackendName, BackendSelection } from '../train/browser/choose.ts';
import type { TrainCheckpoint } from '../train/checkpoint.ts';
import type { LabellingName } from '../train/labellings/registry.ts';
import {
  type BatchReport,
  DEFAULT_TRAIN_CONFIG,
  type EpochReport,
  TRAIN_LIMITS,
  type TrainConfig,
  type TrainInput,
} from '../train/types.ts';

/**
 * The training panel's state, in its own store (like the data store): settings (also in the
 * URL, see settings.ts `train.*`), the run's phase, the backend, one point per epoch and the
 * last evaluation. Per-batch values and moving embeddings go to `trainLive` instead, read
 * through transient subscriptions, so no React component re-renders per batch.
 */

/** The library's config fields a person sets in the panel (and the link), plus the backend. */
export type TrainSettings = Pick<
  TrainConfig,
  'mode' | 'epochs' | 'batchSize' | 'learningRate' | 'tau' | 'loss' | 'seed'
> & {
  readonly labelling: LabellingName;
  readonly backend: BackendChoice;
};

export const DEFAULT_TRAIN_SETTINGS: TrainSettings = {
  mode: DEFAULT_TRAIN_CONFIG.mode,
  epochs: DEFAULT_TRAIN_CONFIG.epochs,
  batchSize: DEFAULT_TRAIN_CONFIG.batchSize,
  learningRate: DEFAULT_TRAIN_CONFIG.learningRate,
  tau: DEFAULT_TRAIN_CONFIG.tau,
  loss: DEFAULT_TRAIN_CONFIG.loss,
  seed: DEFAULT_TRAIN_CONFIG.seed,
  labelling: 'identity',
  backend: 'auto',
};

export type TrainPhase = 'idle' | 'starting' | 'training' | 'paused' | 'done' | 'stopped' | 'error';

/** One completed epoch, as the curves and the table show it. */
export interface EpochPoint {
  readonly epoch: number;
  readonly loss: number;
  readonly trainAccuracy: number;
  readonly testAccuracy: number;
  readonly numTensors: number;
  /** Milliseconds from Start to the end of this epoch's evaluation. */
  readonly elapsedMs: number;
}

/** What the panel needs to draw the run's example predictions and embeddings. */
export interface TrainRun {
  readonly classNames: readonly string[];
  readonly input: TrainInput;
  readonly startedAt: number;
}

export interface TrainError {
  readonly kind: 'input' | 'training' | 'device-lost' | 'internal';
  readonly message: string;
  /** device-lost: the backend that was lost; the others are offered. */
  readonly backend?: BackendName;
}

export interface TrainState {
  readonly settings: TrainSettings;
  readonly phase: TrainPhase;
  /** What the worker is doing, in words. */
  readonly status: string;
  readonly backend: BackendSelection | null;
  /** Preparation (fast mode's features) progress, or null. */
  readonly prepare: { readonly done: number; readonly total: number } | null;
  readonly run: TrainRun | null;
  readonly epochs: readonly EpochPoint[];
  readonly last: EpochReport | null;
  readonly error: TrainError | null;
  /** Set when the tensor count changed between epochs (a leak). */
  readonly leak: string | null;
  /**
   * Where the tensor count is compared from: the first epoch point of this backend (a run that
   * went on after a lost device starts a new reference on its new backend).
   */
  readonly leakFrom: number;
  /** Epochs finished and saved in the newest checkpoint: a lost device goes on from there. */
  readonly savedEpoch: number | null;
  /** Milliseconds from Start to the first step's report (setup, preparation, shader compiles). */
  readonly firstStepMs: number | null;
  /**
   * Fast mode's feature pass: images, milliseconds (from its first report to its last) and the
   * tfjs backend that computed them (wasm while training runs on the cpu).
   */
  readonly features: {
    readonly images: number;
    readonly ms: number;
    readonly backend?: string;
  } | null;
  /**
   * Feature passes computed in this page (a run on the same images and feature seed reuses the
   * last one's: jobs/featureCache.ts), so a page can show, and a test count, that none repeats.
   */
  readonly featurePasses: number;

  setSettings(patch: Partial<TrainSettings>): void;
  /** Starts a run (replacing any); `paused` stops before the first step. */
  start(input: TrainInput, classNames: readonly string[], paused?: boolean): void;
  pause(): void;
  resume(): void;
  /** One optimiser step; with no run, starts one paused and steps it. */
  step(input?: TrainInput, classNames?: readonly string[]): void;
  stop(): void;
  /** Stops and forgets the run (curves, embeddings, error). */
  reset(): void;
  /** After a lost device: the same run again on another backend, in a fresh worker. */
  continueOn(backend: BackendName): void;
  /** Loses the GPU device on purpose (to see how it is handled). */
  loseDevice(): void;
}

/** Values that change per batch or per live evaluation. Never selected by React components. */
export interface TrainLive {
  /** Bumped on every change (subscribers redraw when it moves). */
  readonly version: number;
  /** Fractional epoch at the end of each batch, and its loss (grown in place). */
  readonly batchX: number[];
  readonly batchLoss: number[];
  readonly lastBatch: BatchReport | null;
  /** Smoothed images a second of the recent steps. */
  readonly imagesPerSecond: number;
  /** The newest test embeddings (count x n) and predictions, and where in training they are from. */
  readonly embeddings: Float32Array | null;
  readonly predictions: Int32Array | null;
  readonly embeddingsAt: { readonly epoch: number; readonly batch: number } | null;
  readonly liveAccuracy: number | null;
}

const EMPTY_LIVE: TrainLive = {
  version: 0,
  batchX: [],
  batchLoss: [],
  lastBatch: null,
  imagesPerSecond: 0,
  embeddings: null,
  predictions: null,
  embeddingsAt: null,
  liveAccuracy: null,
};

/** The run-related part of the state, as it is before the first run and after a reset. */
const IDLE_RUN = {
  phase: 'idle',
  status: '',
  prepare: null,
  run: null,
  epochs: [],
  last: null,
  error: null,
  leak: null,
  leakFrom: 0,
  savedEpoch: null,
  firstStepMs: null,
  features: null,
  featurePasses: 0,
} as const satisfies Partial<TrainState>;

const clamp = (x: number, { min, max }: { min: number; max: number }) =>
  Math.min(max, Math.max(min, x));

/** Settings made valid: numbers clamped to TRAIN_LIMITS, whole numbers rounded. */
export function cleanSettings(s: TrainSettings): TrainSettings {
  const whole = (x: number, r: { min: number; max: number }, d: number) =>
    Number.isFinite(x) ? clamp(Math.round(x), r) : d;
  const real = (x: number, r: { min: number; max: number }, d: number) =>
    Number.isFinite(x) ? clamp(x, r) : d;
  const d = DEFAULT_TRAIN_SETTINGS;
  return {
    ...s,
    epochs: whole(s.epochs, TRAIN_LIMITS.epochs, d.epochs),
    batchSize: whole(s.batchSize, TRAIN_LIMITS.batchSize, d.batchSize),
    learningRate: real(s.learningRate, TRAIN_LIMITS.learningRate, d.learningRate),
    tau: real(s.tau, TRAIN_LIMITS.tau, d.tau),
    seed: whole(s.seed, TRAIN_LIMITS.seed, d.seed),
  };
}

/** The library's config for these settings. */
export function configOf(s: TrainSettings): TrainConfig {
  const { backend: _backend, ...rest } = s;
  return { ...DEFAULT_TRAIN_CONFIG, ...rest };
}

/** Weight of the newest step in the smoothed images a second. */
const RATE_SMOOTHING = 0.3;

export function createTrainStores(makeJobs: () => TrainJobs = defaultTrainJobs) {
  const live = createStore<TrainLive>()(() => EMPTY_LIVE);
  // Made at the first run, so a lab that never trains never starts the worker.
  let jobs: TrainJobs | null = null;
  const getJobs = () => {
    jobs ??= makeJobs();
    return jobs;
  };
  /** The run whose events count (0: none), numbered by this store. */
  let current = 0;
  let token = 0;
  /** The newest checkpoint of the run shown (continueOn goes on from it). */
  let checkpoint: TrainCheckpoint | null = null;
  let preparingSince = 0;

  const store = createStore<TrainState>()((set, get) => {
    function receive(jobId: number, e: TrainEvent): void {
      if (jobId !== current) return;
      const state = get();
      switch (e.type) {
        case 'status':
          set({ status: e.text });
          return;
        case 'backend':
          set({ backend: e.selection });
          return;
        case 'prepare': {
          const now = performance.now();
          if (!state.prepare) preparingSince = now;
          const finished = e.total > 0 && e.done === e.total;
          set({
            prepare: { done: e.done, total: e.total },
            ...(finished
              ? {
                  featurePasses: state.featurePasses + 1,
                  features: {
                    images: e.total,
                    ms: now - preparingSince,
                    ...(e.backend ? { backend: e.backend } : {}),
                  },
                }
              : {}),
          });
          return;
        }
        case 'batch': {
          const l = live.getState();
          const r = e.report;
          l.batchX.push(r.epoch + (r.batch + 1) / r.batchesPerEpoch);
          l.batchLoss.push(r.loss);
          const rate =
            l.imagesPerSecond > 0
              ? l.imagesPerSecond * (1 - RATE_SMOOTHING) + r.imagesPerSecond * RATE_SMOOTHING
              : r.imagesPerSecond;
          live.setState({ version: l.version + 1, lastBatch: r, imagesPerSecond: rate });
          if (state.firstStepMs === null && state.run)
            set({ firstStepMs: performance.now() - state.run.startedAt });
          if (state.phase === 'starting') set({ phase: 'training', prepare: null });
          return;
        }
        case 'live':
          showEmbeddings(e.live);
          return;
        case 'epoch': {
          const r = e.report;
          const point: EpochPoint = {
            epoch: r.epoch,
            loss: r.loss,
            trainAccuracy: r.trainAccuracy,
            testAccuracy: r.testAccuracy,
            numTensors: r.numTensors,
            elapsedMs: performance.now() - (state.run?.startedAt ?? 0),
          };
          const epochs = [...state.epochs, point];
          showEmbeddings({
            epoch: r.epoch,
            batch: 0,
            testAccuracy: r.testAccuracy,
            embeddings: r.embeddings,
            predictions: r.predictions,
          });
          set({ epochs, last: r, leak: state.leak ?? leakOf(epochs.slice(state.leakFrom)) });
          return;
        }
        case 'assignment':
          // The views (embedding colours, example predictions) read the run's assignment.
          if (state.run) {
            // The first one is where the labelling starts; a later, different one relabels.
            const before = state.run.input.assignment;
            const relabelled = before !== undefined && before.join() !== e.assignment.join();
            set({
              run: { ...state.run, input: { ...state.run.input, assignment: e.assignment } },
              ...(relabelled
                ? { status: 'Relabelled: some classes now train toward other prototypes' }
                : {}),
            });
          }
          return;
        case 'checkpoint':
          // Kept outside the state: nothing draws it, and it is megabytes for the CNN.
          checkpoint = e.checkpoint;
          set({ savedEpoch: e.checkpoint.epoch });
          return;
        case 'paused':
          if (state.phase === 'starting' || state.phase === 'training' || state.phase === 'paused')
            set({ phase: e.paused ? 'paused' : 'training', prepare: null });
          return;
        case 'done':
          current = 0;
          set({ phase: 'done', status: `Finished ${e.epochs} epochs` });
          return;
        case 'stopped':
          current = 0;
          set({ phase: 'stopped', status: 'Stopped' });
          return;
        case 'error':
          current = 0;
          set({
            phase: 'error',
            prepare: null,
            status: '',
            error: { kind: e.kind, message: e.message, backend: e.backend },
          });
          return;
        case 'crash':
          current = 0;
          set({
            phase: 'error',
            prepare: null,
            status: '',
            error: { kind: 'internal', message: e.message },
          });
          return;
      }
    }

    function showEmbeddings(l: LiveEvaluation): void {
      live.setState((s) => ({
        version: s.version + 1,
        embeddings: l.embeddings,
        predictions: l.predictions,
        embeddingsAt: { epoch: l.epoch, batch: l.batch },
        liveAccuracy: l.testAccuracy,
      }));
    }

    function launch(
      input: TrainInput,
      classNames: readonly string[],
      options: {
        paused?: boolean;
        backend?: BackendName;
        freshWorker?: boolean;
        resume?: TrainCheckpoint;
      } = {},
    ): void {
      const { backend } = get();
      const { resume } = options;
      // Going on keeps the curves up to the checkpoint; a new run starts them empty.
      const kept = resume ? get().epochs.filter((p) => p.epoch <= resume.epoch) : [];
      const l = live.getState();
      const keepBatches = resume ? l.batchX.filter((x) => x <= resume.epoch).length : 0;
      live.setState({
        ...EMPTY_LIVE,
        batchX: l.batchX.slice(0, keepBatches),
        batchLoss: l.batchLoss.slice(0, keepBatches),
        version: l.version + 1,
      });
      checkpoint = resume ?? null;
      const elapsed = kept.at(-1)?.elapsedMs ?? 0;
      set({
        phase: 'starting',
        status: 'Starting the training worker…',
        prepare: null,
        epochs: kept,
        last: resume ? get().last : null,
        error: null,
        leak: null,
        leakFrom: kept.length,
        savedEpoch: resume?.epoch ?? null,
        firstStepMs: resume ? get().firstStepMs : null,
        features: null,
        // The clock of a run that goes on continues from its last kept epoch.
        run: { classNames, input, startedAt: performance.now() - elapsed },
      });
      const mine = ++token;
      current = mine;
      getJobs().start(
        input,
        {
          backend: options.backend ?? get().settings.backend,
          // Calibration numbers from the last run (same worker), so `auto` decides at once.
          known: options.freshWorker ? undefined : backend?.probes,
          paused: options.paused,
          freshWorker: options.freshWorker,
          resume,
        },
        (e) => receive(mine, e),
      );
    }

    return {
      settings: DEFAULT_TRAIN_SETTINGS,
      backend: null,
      ...IDLE_RUN,

      setSettings(patch) {
        set({ settings: cleanSettings({ ...get().settings, ...patch }) });
      },
      start(input, classNames, paused = false) {
        launch(input, classNames, { paused });
      },
      pause() {
        if (current > 0) getJobs().pause();
      },
      resume() {
        if (current > 0) getJobs().resume();
      },
      step(input, classNames) {
        if (current === 0) {
          if (!input || !classNames) return;
          launch(input, classNames, { paused: true });
        }
        getJobs().step();
      },
      stop() {
        if (current > 0) getJobs().stop();
      },
      reset() {
        if (current > 0) {
          current = 0;
          getJobs().stop();
        }
        live.setState({
          ...EMPTY_LIVE,
          batchX: [],
          batchLoss: [],
          version: live.getState().version + 1,
        });
        set({ ...IDLE_RUN });
      },
      continueOn(backend) {
        const run = get().run;
        if (!run) return;
        set({ settings: { ...get().settings, backend } });
        launch(run.input, run.classNames, {
          backend,
          freshWorker: true,
          resume: checkpoint ?? undefined,
        });
      },
      loseDevice() {
        if (current > 0) getJobs().loseDevice();
      },
    };
  });
  return { store, live };
}

/**
 * The tensor count must be the same after every epoch (the optimiser's variables are made in
 * the first step, so the count after epoch 1 is the reference).
 */
export function leakOf(epochs: readonly EpochPoint[]): string | null {
  if (epochs.length < 2) return null;
  const base = epochs[0];
  const now = epochs[epochs.length - 1];
  if (now.numTensors === base.numTensors) return null;
  return `Memory leak: ${base.numTensors} tensors after epoch ${base.epoch}, ${now.numTensors} after epoch ${now.epoch} (the count should stay the same).`;
}
