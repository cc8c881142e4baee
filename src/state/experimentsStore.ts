/**
 * Experiments in the browser: a queue run one at a time in the experiment worker, results kept
 * in IndexedDB as each run finishes. After a reload the finished runs are listed again; an
 * interrupted or cancelled experiment resumes with the runs it still lacks once the same data
 * is loaded (the dataset signature must match, so results never mix data sets).
 */
import { createStore } from 'zustand/vanilla';
import type { ExperimentWorkerLike } from '../jobs/experimentClient.ts';
import type { ExperimentDb, StoredResult } from '../jobs/experimentDb.ts';
import { startExperimentPool } from '../jobs/experimentPool.ts';
import { planRuns, runInWords } from '../train/experiment/plan.ts';
import { remainingRuns, resultsInPlan } from '../train/experiment/resume.ts';
import type { ExperimentData, ExperimentProgress } from '../train/experiment/runner.ts';
import type { ExperimentSpec, RunResult } from '../train/experiment/types.ts';
import type { FastFeatures } from '../train/types.ts';

export type ExperimentStatus = 'queued' | 'running' | 'done' | 'cancelled' | 'failed';

export interface ExperimentDataset {
  /** Shown in lists: "CIFAR-100, 100 classes, 5000 / 1000 images". */
  readonly label: string;
  readonly classNames: readonly string[];
  readonly coarseOfClass: readonly number[] | null;
  readonly coarseNames: readonly string[] | null;
  /** Same signature = same images in the same order. */
  readonly signature: string;
  /** Test images in all (absent in records kept before it was stored). */
  readonly testCount?: number;
}

export interface ExperimentRecord {
  readonly id: string;
  readonly createdAt: number;
  readonly spec: ExperimentSpec;
  readonly dataset: ExperimentDataset;
  readonly status: ExperimentStatus;
  readonly error?: string;
}

export interface ExperimentsState {
  readonly loaded: boolean;
  readonly experiments: readonly ExperimentRecord[];
  readonly results: Readonly<Record<string, readonly RunResult[]>>;
  /** Runs that failed in this page, by experiment (the others went on). */
  readonly failures: Readonly<Record<string, readonly FailedRun[]>>;
  readonly selectedId: string | null;
  readonly running: {
    readonly id: string;
    readonly progress: ExperimentProgress | null;
    readonly backend: string | null;
    /** When this page started it (deps.now), and how many of its runs were done already. */
    readonly startedAt: number;
    readonly doneBefore: number;
  } | null;
  /** The last problem in words (bad spec, worker failure, storage unavailable). */
  readonly message: string | null;
}

export interface FailedRun {
  readonly key: string;
  readonly message: string;
}

export interface ExperimentsDeps {
  readonly db: ExperimentDb<ExperimentRecord> | null;
  readonly makeWorker: () => ExperimentWorkerLike;
  readonly now: () => number;
  /** Experiment workers at once (jobs/experimentPool.ts workersFor); 1 when left out. */
  readonly parallel?: number;
}

/** A short id from the time and a counter (ids only name records; nothing random). */
let counter = 0;
function newId(now: number): string {
  counter += 1;
  return `e${now.toString(36)}${counter.toString(36)}`;
}

export function createExperimentsStore(deps: ExperimentsDeps) {
  const store = createStore<ExperimentsState>(() => ({
    loaded: false,
    experiments: [],
    results: {},
    failures: {},
    selectedId: null,
    running: null,
    message: null,
  }));
  /** Data of experiments queued or resumed in this page (not stored: it is the user's data). */
  const data = new Map<string, ExperimentData>();
  let pool: { stop(): void } | null = null;
  /**
   * The last features an experiment computed, with the images they are of (the same arrays: a
   * new subset is new arrays), so the next experiment on them skips the feature pass.
   */
  let kept: { train: Uint8Array; test: Uint8Array; features: FastFeatures } | null = null;

  const record = (id: string) => store.getState().experiments.find((e) => e.id === id);

  function setStatus(id: string, status: ExperimentStatus, error?: string): void {
    const experiments = store
      .getState()
      .experiments.map((e) => (e.id === id ? { ...e, status, error } : e));
    store.setState({ experiments });
    const r = experiments.find((e) => e.id === id);
    if (r) void deps.db?.putExperiment(r).catch(() => {});
  }

  function finish(id: string, status: ExperimentStatus, error?: string): void {
    pool?.stop();
    pool = null;
    data.delete(id);
    store.setState({ running: null });
    setStatus(id, status, error);
    startNext();
  }

  function startNext(): void {
    if (store.getState().running) return;
    const next = store.getState().experiments.find((e) => e.status === 'queued' && data.has(e.id));
    if (!next) return;
    const plan = planRuns(next.spec);
    const todo = remainingRuns(plan, store.getState().results[next.id] ?? []);
    if (todo.length === 0) {
      setStatus(next.id, 'done');
      data.delete(next.id);
      startNext();
      return;
    }
    store.setState({
      running: {
        id: next.id,
        progress: null,
        backend: null,
        startedAt: deps.now(),
        doneBefore: plan.length - todo.length,
      },
    });
    setStatus(next.id, 'running');
    const { spec } = next;
    // Events of an experiment that is no longer the running one are ignored.
    const mine = (act: (running: NonNullable<ExperimentsState['running']>) => void) => {
      const running = store.getState().running;
      if (running?.id === next.id) act(running);
    };
    const input = data.get(next.id) as ExperimentData;
    const same =
      kept !== null &&
      kept.train === input.train.pixels &&
      kept.test === input.test.pixels &&
      todo.every((r) => r.config.mode === 'fast');
    pool = startExperimentPool(
      deps.makeWorker,
      deps.parallel ?? 1,
      {
        data: input,
        n: spec.n,
        runs: todo,
        labelling: spec.labelling,
        ...(same && kept ? { features: kept.features } : {}),
      },
      {
        features: (features) =>
          mine(() => {
            kept = { train: input.train.pixels, test: input.test.pixels, features };
          }),
        backend: (name) => mine((r) => store.setState({ running: { ...r, backend: name } })),
        progress: (p) => mine((r) => store.setState({ running: { ...r, progress: p } })),
        result: (result) =>
          mine(() => {
            addResult(next.id, result);
            if (result.leak) store.setState({ message: `${result.key}: ${result.leak}` });
          }),
        runFailed: (key, message) =>
          mine(() => {
            const failures = store.getState().failures;
            const failed = [...(failures[next.id] ?? []), { key, message }];
            store.setState({
              failures: { ...failures, [next.id]: failed },
              message: `${runInWords(key)} failed (${message}); the other runs go on.`,
            });
          }),
        // e.g. a lost GPU device: the runs go on on the CPU, and the page says so.
        status: (text) => mine(() => store.setState({ message: text })),
        done: () => mine(() => finish(next.id, 'done')),
        failed: (message) =>
          mine(() => {
            store.setState({ message });
            finish(next.id, 'failed', message);
          }),
      },
    );
  }

  function addResult(id: string, result: RunResult): void {
    const results = store.getState().results;
    store.setState({ results: { ...results, [id]: [...(results[id] ?? []), result] } });
    const stored: StoredResult = { ...result, experimentId: id };
    void deps.db?.putResult(stored).catch(() => {});
  }

  let reading: Promise<void> | null = null;
  async function readStored(): Promise<void> {
    if (!deps.db) {
      store.setState({ loaded: true });
      return;
    }
    try {
      const { experiments, results } = await deps.db.loadAll();
      const byId: Record<string, RunResult[]> = {};
      for (const r of results) {
        const { experimentId, ...result } = r;
        byId[experimentId] ??= [];
        byId[experimentId].push(result);
      }
      const restored = experiments
        .sort((a, b) => a.createdAt - b.createdAt)
        .map((e) =>
          e.status === 'running' || e.status === 'queued'
            ? { ...e, status: 'cancelled' as const }
            : e,
        );
      const ordered: Record<string, RunResult[]> = {};
      for (const e of restored) ordered[e.id] = resultsInPlan(planRuns(e.spec), byId[e.id] ?? []);
      store.setState({
        loaded: true,
        experiments: restored,
        results: ordered,
        selectedId: restored.at(-1)?.id ?? null,
      });
    } catch (e) {
      store.setState({
        loaded: true,
        message: `stored experiments could not be read (${(e as Error).message}); new ones still run`,
      });
    }
  }

  return {
    store,
    /**
     * Reads the stored experiments once (later calls wait for the same read); one that was
     * running when the page went away is cancelled.
     */
    init: () => (reading ??= readStored()),
    /** Queues an experiment on this data; throws ExperimentSpecError on a bad spec. */
    queue(
      spec: ExperimentSpec,
      dataset: ExperimentDataset,
      experimentData: ExperimentData,
    ): string {
      planRuns(spec); // checks the spec before anything changes
      const now = deps.now();
      const rec: ExperimentRecord = {
        id: newId(now),
        createdAt: now,
        spec,
        dataset,
        status: 'queued',
      };
      data.set(rec.id, experimentData);
      store.setState({
        experiments: [...store.getState().experiments, rec],
        results: { ...store.getState().results, [rec.id]: [] },
        selectedId: rec.id,
        message: null,
      });
      void deps.db?.putExperiment(rec).catch(() => {});
      startNext();
      return rec.id;
    },
    /** Stops a running experiment (its finished runs stay) or takes a queued one off the queue. */
    cancel(id: string): void {
      const r = record(id);
      if (!r) return;
      if (store.getState().running?.id === id) finish(id, 'cancelled');
      else if (r.status === 'queued') {
        data.delete(id);
        setStatus(id, 'cancelled');
      }
    },
    /** Queues the runs still missing, on data with the same signature. */
    resume(id: string, dataset: ExperimentDataset, experimentData: ExperimentData): void {
      const r = record(id);
      if (!r || r.status === 'running' || r.status === 'queued') return;
      if (dataset.signature !== r.dataset.signature) {
        store.setState({
          message: `This experiment ran on ${r.dataset.label}; load that data to resume it (now loaded: ${dataset.label}).`,
        });
        return;
      }
      data.set(id, experimentData);
      setStatus(id, 'queued');
      store.setState({ message: null });
      startNext();
    },
    remove(id: string): void {
      if (store.getState().running?.id === id) finish(id, 'cancelled');
      data.delete(id);
      const { [id]: _gone, ...results } = store.getState().results;
      store.setState({
        experiments: store.getState().experiments.filter((e) => e.id !== id),
        results,
        selectedId: store.getState().selectedId === id ? null : store.getState().selectedId,
      });
      void deps.db?.deleteExperiment(id).catch(() => {});
    },
    select(id: string | null): void {
      store.setState({ selectedId: id });
    },
  };
}

export type ExperimentsController = ReturnType<typeof createExperimentsStore>;
