import type { StoreApi } from 'zustand/vanilla';
import type { ParamValue } from '../core/methods/types.ts';
import { expandTourLink } from '../tour/link.ts';
import type { DataState } from './dataStore.ts';
import { applyDataValues, dataValues } from './dataUrl.ts';
import type { PrototypeRequest } from './defaults.ts';
import type { LabState } from './labState.ts';
import { SETTINGS, type SettingValue } from './settings.ts';
import type { TrainSettings, TrainState } from './trainStore.ts';
import { parseHash, serialiseHash } from './urlHash.ts';

/**
 * Keeps a page's state and `location.hash` in step (the standalone page and the `?embed` page):
 * the hash sets the state on load (and when it is edited by hand), and every change of the
 * request, the view or another setting rewrites the hash with history.replaceState (no history
 * entry per change, no reload, no hashchange event). A `<hypersphere-lab>` element takes its
 * state from attributes and never calls this.
 *
 * The train settings (`train.*`) and the data subset (`data.*`) are part of the link when their
 * stores are given; left out, they read as their defaults, because the lab state alone is a
 * complete link too (bookmarks, embed commands in tests).
 */

/** How long hash writes are gathered (a dragged slider would otherwise write 60 times a second). */
export const WRITE_DELAY_MS = 120;

const REQUEST = 'request.';
/** Fields of the train store's settings (a separate store, state/trainStore.ts). */
const TRAIN = 'train.';
/** Fields of the data store's subset fields (state/dataStore.ts, bound in dataUrl.ts). */
const DATA = 'data.';

/** The values of every setting in SETTINGS, as the store holds them now. */
export function stateValues(state: LabState): Record<string, SettingValue> {
  const out: Record<string, SettingValue> = {};
  const record = state as unknown as Record<string, unknown>;
  const request = state.request as unknown as Record<string, unknown>;
  for (const s of SETTINGS) {
    if (!s.field || s.field.startsWith(TRAIN) || s.field.startsWith(DATA)) continue;
    const value = s.field.startsWith(REQUEST)
      ? request[s.field.slice(REQUEST.length)]
      : record[s.field];
    if (value === undefined) continue;
    // Lists (the 4D rotation, the coordinate triple) travel comma-separated.
    out[s.key] = Array.isArray(value) ? value.join(',') : (value as SettingValue);
  }
  return out;
}

/** The values of the `train.*` settings, as the train store holds them now. */
export function trainValues(settings: TrainSettings): Record<string, SettingValue> {
  const out: Record<string, SettingValue> = {};
  const record = settings as unknown as Record<string, SettingValue>;
  for (const s of SETTINGS) {
    if (s.field?.startsWith(TRAIN)) out[s.key] = record[s.field.slice(TRAIN.length)];
  }
  return out;
}

/**
 * Every setting as it is now: the store's and, where given, the train settings and the data
 * store's subset (left out, they read as their defaults). Whatever changes one setting starts
 * from these, so the others stay as they are.
 */
export function currentValues(
  state: LabState,
  train?: TrainSettings,
  data?: StoreApi<DataState>,
): Record<string, SettingValue> {
  return {
    ...stateValues(state),
    ...(train ? trainValues(train) : {}),
    ...(data ? dataValues(data.getState()) : {}),
  };
}

/** The hash (without #) that describes the store (and the train settings, the subset) now. */
export function stateHash(
  state: LabState,
  train?: TrainSettings,
  data?: StoreApi<DataState>,
): string {
  return serialiseHash(currentValues(state, train, data), state.request.params);
}

function sameParams(
  a: Readonly<Record<string, ParamValue>>,
  b: Readonly<Record<string, ParamValue>>,
): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.is(a[k], b[k]));
}

function sameRequest(a: PrototypeRequest, b: PrototypeRequest): boolean {
  return (
    a.method === b.method &&
    a.N === b.N &&
    a.n === b.n &&
    a.seed === b.seed &&
    sameParams(a.params, b.params)
  );
}

/**
 * Sets the store from a hash: the page settings first (the speed must be known when the job
 * starts), then the request, which is remade only when it differs from the one shown. The notices
 * replace the previous ones (none: the old notices stay dismissed).
 */
export function applyHash(
  store: StoreApi<LabState>,
  hash: string,
  train?: StoreApi<TrainState>,
  data?: StoreApi<DataState>,
): void {
  // `#tour=3` alone stands for tour step 3 as its preset sets the page (tour/link.ts).
  const { values, params, notices } = parseHash(expandTourLink(hash));
  const state = store.getState();
  const patch: Record<string, unknown> = {};
  const request: Record<string, unknown> = {};
  const trainPatch: Record<string, unknown> = {};
  for (const s of SETTINGS) {
    if (!s.field || s.field.startsWith(DATA)) continue;
    if (s.field.startsWith(TRAIN)) trainPatch[s.field.slice(TRAIN.length)] = values[s.key];
    else if (s.field.startsWith(REQUEST)) request[s.field.slice(REQUEST.length)] = values[s.key];
    else if (s.field === 'speed') state.setSpeed(values[s.key] as number);
    else if (s.type === 'numbers') patch[s.field] = String(values[s.key]).split(',').map(Number);
    else patch[s.field] = values[s.key];
  }
  store.setState(patch as Partial<LabState>);
  train?.getState().setSettings(trainPatch as Partial<TrainSettings>);
  if (data) applyDataValues(data, values);
  const next = { ...(request as unknown as PrototypeRequest), params };
  const started = state.job !== null || state.current !== null;
  if (!started || !sameRequest(next, store.getState().request)) {
    store.getState().replaceRequest(next);
  }
  if (notices.length > 0) store.getState().setNotices(notices);
}

/** Starts the two-way binding; returns a function that ends it. */
export function startUrlSync(
  store: StoreApi<LabState>,
  win: Window = window,
  train?: StoreApi<TrainState>,
  data?: StoreApi<DataState>,
): () => void {
  let written = '';
  let timer: ReturnType<typeof setTimeout> | null = null;

  const hashNow = () => stateHash(store.getState(), train?.getState().settings, data);
  const write = () => {
    timer = null;
    const hash = hashNow();
    if (hash === written) return;
    written = hash;
    const { pathname, search } = win.location;
    win.history.replaceState(win.history.state, '', `${pathname}${search}#${hash}`);
  };

  applyHash(store, win.location.hash, train, data);
  // The link now says exactly what is shown (fallen-back values replaced, defaults spelled out).
  write();

  const schedule = () => {
    if (timer === null && hashNow() !== written) timer = setTimeout(write, WRITE_DELAY_MS);
  };
  const unsubscribe = store.subscribe(schedule);
  // Train settings change in their own store; batches and epochs do not touch `settings`.
  const unsubscribeTrain = train?.subscribe((t, prev) => {
    if (t.settings !== prev.settings) schedule();
  });
  // The subset fields, in the data store; load progress does not touch them.
  const unsubscribeData = data?.subscribe((d, prev) => {
    if (d.fields !== prev.fields || d.fieldsChosen !== prev.fieldsChosen) schedule();
  });
  // A hash typed or pasted into the address bar of an open page.
  const onHashChange = () => {
    if (win.location.hash.slice(1) === written) return;
    applyHash(store, win.location.hash, train, data);
    if (timer !== null) clearTimeout(timer);
    write();
  };
  win.addEventListener('hashchange', onHashChange);
  return () => {
    unsubscribe();
    unsubscribeTrain?.();
    unsubscribeData?.();
    win.removeEventListener('hashchange', onHashChange);
    if (timer !== null) clearTimeout(timer);
  };
}
