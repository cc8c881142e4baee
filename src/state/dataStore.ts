import { createStore } from 'zustand/vanilla';
import { formatClassSpec, parseClassSpec, SelectionError } from '../data/classSpec.ts';
import { bytesHeld, type CifarDataset, datasetArrays } from '../data/dataset.ts';
import { DataError } from '../data/errors.ts';
import type { CifarFormat } from '../data/formats.ts';
import { mergeLoaded } from '../data/merge.ts';
import {
  type CifarSubset,
  makeSubset,
  type PerClass,
  type SubsetRequest,
  subsetArrays,
} from '../data/subset.ts';
import type { CifarLoader, LoadHandle, Progress } from '../jobs/cifarLoaderClient.ts';

/** The subset controls' text, as typed (checked when it changes). */
export interface SubsetFields {
  readonly classes: string;
  readonly trainPerClass: string;
  readonly testPerClass: string;
  readonly seed: string;
}

export const DEFAULT_SUBSET_FIELDS: SubsetFields = {
  classes: 'all',
  trainPerClass: 'all',
  testPerClass: 'all',
  seed: '0',
};

export interface DataState {
  /** Everything loaded (null: nothing yet). Replaced only by a load that succeeded. */
  readonly dataset: CifarDataset | null;
  /** Where the dataset came from: the stored default subset (public/data/) or picked files. */
  readonly origin: 'default' | 'files' | null;
  /** The stored default subset: not looked for yet, being loaded, not there, or loaded. */
  readonly defaultSubset: 'unknown' | 'loading' | 'absent' | 'loaded' | 'failed';
  /** The class-balanced subset drawn from the dataset; kept when a new choice fails. */
  readonly subset: CifarSubset | null;
  readonly fields: SubsetFields;
  /**
   * Whether `fields` are someone's choice (typed, or read from a link) rather than what the last
   * load set. A choice outlives later loads where it fits their data; only a choice goes into the
   * link (state/dataUrl.ts).
   */
  readonly fieldsChosen: boolean;
  readonly subsetError: string | null;
  /** The format for raw .bin files whose name and size do not tell it. */
  readonly binFormat: CifarFormat | 'auto';
  /** A load in progress (null when none). */
  readonly loading: (Progress & { readonly what: string }) | null;
  /** Why the last load failed (null when it did not). */
  readonly loadError: string | null;
  /** A note about the last load (cancelled, warnings). */
  readonly loadNote: string | null;
  /** Milliseconds the last successful load took (read and parse, in the worker). */
  readonly loadMs: number | null;
  /** Bytes held by the dataset and the subset. */
  readonly memoryBytes: number;

  loadFiles(train: readonly File[], test: readonly File[]): Promise<void>;
  loadDefault(baseUrl: string): Promise<void>;
  cancelLoad(): void;
  setBinFormat(format: CifarFormat | 'auto'): void;
  setSubsetFields(patch: Partial<SubsetFields>): void;
}

/** Reads the subset controls; throws SelectionError with what is wrong. */
export function parseSubsetFields(fields: SubsetFields): SubsetRequest {
  const perClass = (what: string, text: string): PerClass => {
    const t = text.trim().toLowerCase();
    if (t === 'all' || t === '') return 'all';
    const n = Number(t);
    if (!Number.isInteger(n) || n < 0)
      throw new SelectionError(`${what} must be a whole number or "all", got "${text}"`);
    return n;
  };
  const seed = Number(fields.seed.trim() || '0');
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new SelectionError(
      `the seed must be a whole number from 0 to 4294967295, got "${fields.seed}"`,
    );
  }
  return {
    classes: parseClassSpec(fields.classes),
    trainPerClass: perClass('training images a class', fields.trainPerClass),
    testPerClass: perClass('test images a class', fields.testPerClass),
    seed,
  };
}

export function fieldsOf(request: SubsetRequest): SubsetFields {
  return {
    classes: formatClassSpec(request.classes),
    trainPerClass: String(request.trainPerClass),
    testPerClass: String(request.testPerClass),
    seed: String(request.seed),
  };
}

/** The fields in words: "classes cat,dog, 4 training and 2 test images a class, seed 0". */
function describeFields(fields: SubsetFields): string {
  // Empty fields mean what parseSubsetFields reads them as.
  const text = (value: string, empty: string) => value.trim() || empty;
  const train = text(fields.trainPerClass, 'all');
  const test = text(fields.testPerClass, 'all');
  return `classes ${text(fields.classes, 'all')}, ${train} training and ${test} test images a class, seed ${text(fields.seed, '0')}`;
}

/** Whether the fields ask for what the defaults ask for (every image of every class). */
function asksForDefaults(fields: SubsetFields): boolean {
  try {
    const r = parseSubsetFields(fields);
    return (
      r.classes.kind === 'all' &&
      r.trainPerClass === 'all' &&
      r.testPerClass === 'all' &&
      r.seed === 0
    );
  } catch {
    return false;
  }
}

function memory(dataset: CifarDataset | null, subset: CifarSubset | null): number {
  return bytesHeld([
    ...(dataset ? datasetArrays(dataset) : []),
    ...(subset ? subsetArrays(subset) : []),
  ]);
}

/** The store's fields for a dataset and the subset drawn from it. */
function withSubset(
  dataset: CifarDataset,
  fields: SubsetFields,
  subset: CifarSubset | null,
  fieldsChosen: boolean,
): Partial<DataState> {
  return {
    dataset,
    fields,
    fieldsChosen,
    subset,
    subsetError: null,
    memoryBytes: memory(dataset, subset),
  };
}

/** Tries a subset; returns it or the message saying why not. */
function draw(
  dataset: CifarDataset,
  fields: SubsetFields,
): { subset: CifarSubset } | { error: string } {
  try {
    return { subset: makeSubset(dataset, parseSubsetFields(fields)) };
  } catch (e) {
    if (e instanceof SelectionError) return { error: e.message };
    throw e;
  }
}

/** The data store; the loader is injected, so it runs in Node in tests. */
export function createDataStore(loader: CifarLoader) {
  return createStore<DataState>()((set, get) => {
    let current: LoadHandle | null = null;

    /** Runs one load; only a completed, valid load changes the data. */
    const run = async (
      what: string,
      request: Parameters<CifarLoader>[0],
      accept: (dataset: CifarDataset, request: SubsetRequest | null) => Partial<DataState>,
      onAbsent?: () => Partial<DataState>,
    ): Promise<boolean> => {
      current?.cancel();
      set({ loading: { what, loaded: 0, total: 0, file: '' }, loadError: null, loadNote: null });
      const handle = loader(request, (p) => {
        if (current === handle) set({ loading: { what, ...p } });
      });
      current = handle;
      const outcome = await handle.done;
      if (current !== handle) return false; // a newer load took over
      current = null;
      if (outcome.kind === 'cancelled') {
        set({ loading: null, loadNote: 'Loading was cancelled; the data shown before is kept.' });
        return false;
      }
      if (outcome.kind === 'absent') {
        set({ loading: null, ...onAbsent?.() });
        return false;
      }
      if (outcome.kind === 'error') {
        set({ loading: null, loadError: outcome.message });
        return false;
      }
      let patch: Partial<DataState>;
      try {
        patch = accept(outcome.dataset, outcome.request);
      } catch (e) {
        if (!(e instanceof DataError)) throw e;
        set({ loading: null, loadError: e.message });
        return false;
      }
      const warnings = outcome.dataset.warnings;
      const notes = [
        patch.loadNote,
        warnings.length > 0 ? `Note: ${warnings.join('; ')}` : null,
      ].filter((n) => n);
      set({
        loading: null,
        loadMs: outcome.ms,
        ...patch,
        loadNote: notes.length > 0 ? notes.join(' ') : null,
      });
      return true;
    };

    /**
     * The new dataset with a fresh subset: the chosen one (typed, or from a link) where it fits
     * the new data, else the given request (the stored subset's) or everything, with a note
     * saying which choice did not fit and why.
     */
    const adopt = (dataset: CifarDataset, request: SubsetRequest | null): Partial<DataState> => {
      const { fields: chosen, fieldsChosen } = get();
      let note: string | null = null;
      if (fieldsChosen && !asksForDefaults(chosen)) {
        const drawn = draw(dataset, chosen);
        if ('subset' in drawn) return withSubset(dataset, chosen, drawn.subset, true);
        note = `The subset you chose (${describeFields(chosen)}) does not fit the data just loaded: ${drawn.error}.`;
      }
      const fields = request ? fieldsOf(request) : DEFAULT_SUBSET_FIELDS;
      const drawn = draw(dataset, fields);
      if (note) {
        const instead = request ? describeFields(fields) : 'every image of every class';
        note += ` Using ${instead} instead; change the subset to choose again.`;
      }
      return {
        ...withSubset(dataset, fields, 'subset' in drawn ? drawn.subset : null, false),
        subsetError: 'error' in drawn ? drawn.error : null,
        loadNote: note,
      };
    };

    return {
      dataset: null,
      origin: null,
      defaultSubset: 'unknown',
      subset: null,
      fields: DEFAULT_SUBSET_FIELDS,
      fieldsChosen: false,
      subsetError: null,
      binFormat: 'auto',
      loading: null,
      loadError: null,
      loadNote: null,
      loadMs: null,
      memoryBytes: 0,

      async loadFiles(train, test) {
        if (train.length + test.length === 0) return;
        const format = get().binFormat;
        const names = [...train, ...test].map((f) => f.name);
        const what = names.length === 1 ? names[0] : `${names.length} files`;
        await run(
          what,
          { kind: 'files', train, test, format: format === 'auto' ? undefined : format },
          (loaded) => ({
            ...adopt(
              mergeLoaded(get().dataset, loaded, {
                train: train.length > 0,
                test: test.length > 0,
              }),
              null,
            ),
            origin: 'files',
          }),
        );
      },

      async loadDefault(baseUrl) {
        if (get().defaultSubset !== 'unknown') return;
        set({ defaultSubset: 'loading' });
        const ok = await run(
          'the stored subset',
          { kind: 'default', baseUrl },
          (dataset, request) => {
            // Files the user picked while this loaded win.
            if (get().origin === 'files') return { defaultSubset: 'loaded' };
            return { ...adopt(dataset, request), origin: 'default', defaultSubset: 'loaded' };
          },
          () => ({ defaultSubset: 'absent' }),
        );
        if (!ok && get().defaultSubset === 'loading')
          set({ defaultSubset: get().loadError ? 'failed' : 'absent' });
      },

      cancelLoad() {
        current?.cancel();
      },

      setBinFormat(binFormat) {
        set({ binFormat });
      },

      setSubsetFields(patch) {
        const fields = { ...get().fields, ...patch };
        const { dataset } = get();
        if (!dataset) {
          set({ fields, fieldsChosen: true });
          return;
        }
        const drawn = draw(dataset, fields);
        if ('error' in drawn) {
          set({ fields, fieldsChosen: true, subsetError: drawn.error });
          return;
        }
        set({
          fields,
          fieldsChosen: true,
          subset: drawn.subset,
          subsetError: null,
          memoryBytes: memory(dataset, drawn.subset),
        });
      },
    };
  });
}
