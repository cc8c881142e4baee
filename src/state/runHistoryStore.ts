/**
 * Every finished training run, kept: the training panel's history and its separation-versus-
 * accuracy chart read this store. Runs are kept in IndexedDB (jobs/runHistoryDb.ts), so they
 * survive a reload; a new run never replaces an old one, and only the person deletes one.
 */
import { createStore } from 'zustand/vanilla';
import type { RunHistoryDb } from '../jobs/runHistoryDb.ts';
import type { LabellingName } from '../train/labellings/registry.ts';
import type { LossKind, TrainMode } from '../train/types.ts';

export interface KeptRun {
  readonly id: string;
  /** When it ended (ms since 1970). */
  readonly finishedAt: number;
  /** The data it trained on: a label for people, and a signature equal for equal images. */
  readonly data: string;
  readonly dataSignature: string;
  /** The prototypes: method, N, n and the method's seed. */
  readonly method: string;
  readonly N: number;
  readonly n: number;
  readonly seed: number;
  readonly maxCosine: number;
  readonly minAngleDeg: number;
  readonly meanCosine: number;
  /** The training. */
  readonly labelling: LabellingName;
  readonly loss: LossKind;
  readonly mode: TrainMode;
  readonly epochs: number;
  readonly trainSeed: number;
  /** Fractions in [0, 1]; per class in class order. */
  readonly testAccuracy: number;
  readonly perClassAccuracy: readonly number[];
  readonly classNames: readonly string[];
  /** Milliseconds from Start to the end of the last evaluation. */
  readonly timeMs: number;
  /** The link (without #) that puts its settings back. */
  readonly hash: string;
  /** Units of the head's hidden layer when not the training default (0: a linear head). */
  readonly hiddenUnits?: number;
  /** The one-click question it answered ("Does separation matter?"), when it was one. */
  readonly question?: string;
  /** Why it failed, in words; its accuracy is then NaN and it has no mark on the chart. */
  readonly failed?: string;
}

export interface RunHistoryState {
  readonly loaded: boolean;
  /** Oldest first. */
  readonly runs: readonly KeptRun[];
  /** The last storage problem in words, or null. */
  readonly message: string | null;
}

export function createRunHistoryStore(db: RunHistoryDb<KeptRun> | null) {
  const store = createStore<RunHistoryState>(() => ({ loaded: false, runs: [], message: null }));
  const failed = (what: string) => (e: unknown) =>
    store.setState({
      message: `${what} (${e instanceof Error ? e.message : String(e)}); the runs stay on this page until it is closed`,
    });
  let started: Promise<void> | null = null;
  return {
    store,
    /** Reads the kept runs once (runs kept meanwhile stay, after the stored ones). */
    init(): Promise<void> {
      started ??= (db?.loadAll() ?? Promise.resolve([]))
        .then((stored) => {
          const fresh = store.getState().runs.filter((r) => !stored.some((s) => s.id === r.id));
          const runs = [...stored].sort((a, b) => a.finishedAt - b.finishedAt);
          store.setState({ loaded: true, runs: [...runs, ...fresh] });
        })
        .catch((e) => {
          store.setState({ loaded: true });
          failed('kept runs could not be read')(e);
        });
      return started;
    },
    add(run: KeptRun): void {
      store.setState({ runs: [...store.getState().runs, run] });
      db?.put(run).catch(failed('this run could not be stored'));
    },
    remove(id: string): void {
      store.setState({ runs: store.getState().runs.filter((r) => r.id !== id) });
      db?.delete(id).catch(failed('the run could not be deleted from storage'));
    },
  };
}

export type RunHistory = ReturnType<typeof createRunHistoryStore>;

const CSV_COLUMNS = [
  'finishedAt',
  'data',
  'method',
  'N',
  'n',
  'seed',
  'labelling',
  'loss',
  'mode',
  'epochs',
  'trainSeed',
  'maxCosine',
  'minAngleDeg',
  'meanCosine',
  'testAccuracy',
  'timeMs',
  'question',
  'failed',
] as const;

/** One row a run, then one column per class's accuracy when every run has the same classes. */
export function runsToCsv(runs: readonly KeptRun[]): string {
  const classes = runs[0]?.classNames ?? [];
  const same = runs.every((r) => r.classNames.join('\n') === classes.join('\n'));
  const quote = (v: string | number) => {
    const text = typeof v === 'number' ? String(v) : v;
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const head = [...CSV_COLUMNS, ...(same ? classes.map((c) => `accuracy ${c}`) : [])];
  const rows = runs.map((r) =>
    [
      ...CSV_COLUMNS.map((c) =>
        c === 'finishedAt' ? new Date(r.finishedAt).toISOString() : (r[c] ?? ''),
      ),
      ...(same ? r.perClassAccuracy : []),
    ]
      .map(quote)
      .join(','),
  );
  return `${[head.map(quote).join(','), ...rows].join('\n')}\n`;
}
