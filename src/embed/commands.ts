import type { StoreApi } from 'zustand/vanilla';
import type { ParamValue } from '../core/methods/types.ts';
import type { DataState } from '../state/dataStore.ts';
import type { LabState } from '../state/labState.ts';
import { methodSettings, SETTINGS, type Setting, type SettingValue } from '../state/settings.ts';
import type { TrainState } from '../state/trainStore.ts';
import { parseHash, readSetting } from '../state/urlHash.ts';
import { applyHash, currentValues, stateHash } from '../state/urlSync.ts';

/**
 * The commands an embedding page may send (docs/embedding.md): set settings, run, pause, and get
 * the state. Unlike a link, a command is strict: one value that cannot be used as it is rejects
 * the whole command with a message, and nothing changes.
 */

export const PREFIX = 'hypersphere-lab:';

export type EmbedCommand =
  | {
      readonly type: 'hypersphere-lab:set';
      readonly settings?: Readonly<Record<string, SettingValue>>;
      readonly hash?: string;
    }
  | { readonly type: 'hypersphere-lab:run' }
  | { readonly type: 'hypersphere-lab:pause' }
  | { readonly type: 'hypersphere-lab:get' };

/** The stores a command acts on besides the lab's: training settings, and the data subset. */
export interface CommandStores {
  readonly train?: StoreApi<TrainState>;
  readonly data?: StoreApi<DataState>;
}

export type Outcome =
  | { readonly ok: true; readonly hash: string }
  | { readonly ok: false; readonly error: string };

/** Whether a message is meant for the lab at all (other messages are none of our business). */
export function isLabMessage(data: unknown): data is { type: string; target?: unknown } {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { type?: unknown }).type === 'string' &&
    (data as { type: string }).type.startsWith(PREFIX)
  );
}

const KNOWN = ['set', 'run', 'pause', 'get'].map((t) => `${PREFIX}${t}`);

/** Checks a lab message's shape; the command, or why it cannot be one. */
export function parseCommand(data: { type: string }): EmbedCommand | { error: string } {
  if (!KNOWN.includes(data.type)) {
    return { error: `unknown command "${data.type}" (${KNOWN.join(', ')})` };
  }
  if (data.type !== `${PREFIX}set`) return data as EmbedCommand;
  const { settings, hash } = data as { settings?: unknown; hash?: unknown };
  if (hash !== undefined && typeof hash !== 'string')
    return { error: 'set: "hash" must be a string' };
  if (settings !== undefined) {
    if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
      return { error: 'set: "settings" must be an object of setting keys to values' };
    }
    for (const [k, v] of Object.entries(settings)) {
      if (!['string', 'number', 'boolean'].includes(typeof v)) {
        return { error: `set: the value of "${k}" must be a string, number or boolean` };
      }
    }
  }
  if ((settings === undefined) === (hash === undefined)) {
    return { error: 'set: give exactly one of "settings" and "hash"' };
  }
  return data as EmbedCommand;
}

/** Reads one value strictly: its text must be usable exactly as given. */
function strictValue(setting: Setting, value: SettingValue): SettingValue | string[] {
  const text = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
  const read = readSetting(setting, text);
  return read.notice ? [read.notice] : read.value;
}

/** The hash that the state would have after `settings`, or the reasons it cannot. */
function hashAfter(
  state: LabState,
  settings: Readonly<Record<string, SettingValue>>,
  stores: CommandStores,
): string | string[] {
  // Every setting as it is now (training and subset too), so a command changes only what it names.
  const values = currentValues(state, stores.train?.getState().settings, stores.data);
  const problems: string[] = [];
  const byKey = new Map(SETTINGS.map((s) => [s.key, s]));
  for (const [key, value] of Object.entries(settings)) {
    const setting = byKey.get(key);
    if (!setting) continue;
    const read = strictValue(setting, value);
    if (Array.isArray(read)) problems.push(...read);
    else values[key] = read;
  }
  const method = String(values.method);
  // A new method starts from its own defaults, as in the controls.
  const params: Record<string, ParamValue> =
    method === state.request.method ? { ...state.request.params } : {};
  const paramSettings = new Map(methodSettings(method).map((s) => [s.key, s]));
  for (const [key, value] of Object.entries(settings)) {
    if (byKey.has(key)) continue;
    const setting = paramSettings.get(key);
    if (!setting) {
      problems.push(`${key}: not a setting of the lab or of the method ${method}`);
      continue;
    }
    const read = strictValue(setting, value);
    if (Array.isArray(read)) problems.push(...read);
    else params[setting.param] = read;
  }
  if (problems.length) return problems;
  const pairs = Object.entries(values).map(([k, v]) => [
    k,
    typeof v === 'boolean' ? (v ? '1' : '0') : String(v),
  ]);
  for (const s of methodSettings(method)) {
    const v = params[s.param];
    if (v !== undefined) pairs.push([s.key, typeof v === 'boolean' ? (v ? '1' : '0') : String(v)]);
  }
  return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

/** Carries out a command on a lab store. */
export function applyCommand(
  store: StoreApi<LabState>,
  command: EmbedCommand,
  stores: CommandStores = {},
): Outcome {
  const state = store.getState();
  const { train, data } = stores;
  switch (command.type) {
    case 'hypersphere-lab:set': {
      let hash: string | string[];
      if (command.hash !== undefined) {
        const notices = parseHash(command.hash).notices;
        hash = notices.length ? [...notices] : command.hash;
      } else hash = hashAfter(state, command.settings ?? {}, stores);
      if (Array.isArray(hash)) return { ok: false, error: `set: ${hash.join(' ')}` };
      applyHash(store, hash, train, data);
      break;
    }
    case 'hypersphere-lab:run':
      if (state.job?.paused) state.resumeJob();
      else if (!state.job) state.restartJob();
      break;
    case 'hypersphere-lab:pause':
      if (state.job && !state.job.paused) state.pauseJob();
      break;
    case 'hypersphere-lab:get':
      break;
  }
  return { ok: true, hash: stateHash(store.getState(), train?.getState().settings, data) };
}
