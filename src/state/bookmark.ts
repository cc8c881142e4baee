import type { ParamValue } from '../core/methods/types.ts';
import type { LabState } from './labState.ts';
import { methodSettings, SETTINGS, type Setting, type SettingValue } from './settings.ts';
import { readSetting, serialiseHash } from './urlHash.ts';
import { stateValues } from './urlSync.ts';

/**
 * A bookmark: the page's whole state as a JSON file that can be loaded again. It holds every
 * setting of SETTINGS (so it says exactly what it shows even if defaults change), the method's
 * parameters, the link's hash, and the prototypes that were on screen.
 *
 * Versions: 1 (this one). Version 0 is a bookmark without a `version` field: the object
 * `{"hash": "method=lse&N=12..."}` (or `{"settings": {...}}`) that earlier builds saved. Any
 * older version is migrated to the current one on reading (`migrateBookmark`).
 *
 * Reading is strict, unlike reading a link: a file is either a valid bookmark or refused with
 * a message saying what is wrong, and a refused bookmark changes nothing.
 */

export const BOOKMARK_KIND = 'hypersphere-lab-bookmark';
export const BOOKMARK_VERSION = 1;

/** The prototypes that were on screen when the bookmark was saved. */
export interface BookmarkPrototypes {
  /** The method id, or "file: name.npy" for prototypes read from a file. */
  readonly method: string;
  readonly N: number;
  readonly n: number;
  /** Row-major N x n. */
  readonly data: readonly number[];
}

export interface Bookmark {
  readonly kind: typeof BOOKMARK_KIND;
  readonly version: typeof BOOKMARK_VERSION;
  /** Every page setting and the chosen method's parameters, by their link keys. */
  readonly settings: Readonly<Record<string, SettingValue>>;
  /** The same state as a link's hash (without #), for people reading the file. */
  readonly hash: string;
  readonly savedAt?: string;
  readonly prototypes?: BookmarkPrototypes;
}

export type BookmarkRead =
  | { readonly ok: true; readonly bookmark: Bookmark; readonly hash: string }
  | { readonly ok: false; readonly error: string };

/**
 * The bookmark of a lab state; `more` adds settings kept in other stores (the training settings
 * and the data subset: urlSync.ts's currentValues gives them all).
 */
export function makeBookmark(
  state: LabState,
  savedAt?: Date,
  more: Readonly<Record<string, SettingValue>> = {},
): Bookmark {
  const settings: Record<string, SettingValue> = { ...stateValues(state), ...more };
  const method = state.request.method;
  for (const s of methodSettings(method)) {
    const value = state.request.params[s.param];
    if (value !== undefined) settings[s.key] = value;
  }
  const c = state.current;
  return {
    kind: BOOKMARK_KIND,
    version: BOOKMARK_VERSION,
    settings,
    hash: serialiseHash(settings, state.request.params),
    ...(savedAt ? { savedAt: savedAt.toISOString() } : {}),
    ...(c
      ? { prototypes: { method: c.method, N: c.N, n: c.n, data: Array.from(c.codebook.data) } }
      : {}),
  };
}

/** The file's text: pretty JSON, one prototype per line would be nicer but JSON.stringify is exact. */
export function bookmarkText(bookmark: Bookmark): string {
  return `${JSON.stringify(bookmark, null, 2)}\n`;
}

class BookmarkError extends Error {}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Hash pairs, for migrating a version-0 bookmark. */
function hashPairs(hash: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of hash.replace(/^#/, '').split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    try {
      out[decodeURIComponent(eq < 0 ? part : part.slice(0, eq))] = decodeURIComponent(
        eq < 0 ? '' : part.slice(eq + 1).replace(/\+/g, ' '),
      );
    } catch {
      throw new BookmarkError(`its hash has broken percent-encoding ("${part}")`);
    }
  }
  return out;
}

/**
 * Brings a parsed bookmark of any known version to the current shape (not yet validated).
 * Version 0 (no `version`): `{hash}` or `{settings}`.
 */
export function migrateBookmark(raw: Record<string, unknown>): Record<string, unknown> {
  const version = raw.version ?? 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new BookmarkError(`its version ${JSON.stringify(raw.version)} is not a whole number`);
  }
  if (version > BOOKMARK_VERSION) {
    throw new BookmarkError(
      `it was saved by a newer Hypersphere Lab (bookmark version ${version}; this one reads up to ${BOOKMARK_VERSION})`,
    );
  }
  if (version === 0) {
    let settings: unknown = raw.settings;
    if (settings === undefined && typeof raw.hash === 'string') settings = hashPairs(raw.hash);
    if (settings === undefined) {
      throw new BookmarkError('it has neither settings nor a hash (is it a bookmark?)');
    }
    return { ...raw, kind: BOOKMARK_KIND, version: BOOKMARK_VERSION, settings };
  }
  return raw;
}

/** One setting's value, strictly: usable exactly as written. */
function strict(setting: Setting, value: unknown): SettingValue {
  if (!['string', 'number', 'boolean'].includes(typeof value)) {
    throw new BookmarkError(`${setting.key}: ${JSON.stringify(value)} is not a value`);
  }
  const text = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
  const read = readSetting(setting, text);
  if (read.notice) throw new BookmarkError(read.notice.replace(/; using .*$/, ''));
  return read.value;
}

function checkPrototypes(raw: unknown): BookmarkPrototypes {
  if (!isObject(raw)) throw new BookmarkError('"prototypes" is not an object');
  const { method, N, n, data } = raw;
  if (typeof method !== 'string') throw new BookmarkError('prototypes: "method" is not text');
  for (const [k, v] of [
    ['N', N],
    ['n', n],
  ] as const) {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
      throw new BookmarkError(`prototypes: "${k}" is not a positive whole number`);
    }
  }
  const size = (N as number) * (n as number);
  if (!Array.isArray(data) || data.length !== size) {
    throw new BookmarkError(`prototypes: "data" must list N x n = ${size} numbers`);
  }
  if (!data.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    throw new BookmarkError('prototypes: "data" holds something that is not a finite number');
  }
  return { method, N: N as number, n: n as number, data: data as number[] };
}

/** Checks a migrated bookmark; the bookmark and the hash that shows it. */
function validate(raw: Record<string, unknown>): { bookmark: Bookmark; hash: string } {
  if (raw.kind !== BOOKMARK_KIND) {
    throw new BookmarkError(
      `it is not a Hypersphere Lab bookmark ("kind" is not "${BOOKMARK_KIND}")`,
    );
  }
  if (!isObject(raw.settings)) throw new BookmarkError('"settings" is not an object');
  const given = raw.settings;
  const values: Record<string, SettingValue> = {};
  for (const s of SETTINGS) {
    if (given[s.key] !== undefined) values[s.key] = strict(s, given[s.key]);
  }
  const method = String(values.method ?? SETTINGS[0].default);
  const params: Record<string, ParamValue> = {};
  const paramSettings = methodSettings(method);
  const settings: Record<string, SettingValue> = { ...values };
  for (const [key, value] of Object.entries(given)) {
    if (SETTINGS.some((s) => s.key === key)) continue;
    const s = paramSettings.find((p) => p.key === key);
    if (!s)
      throw new BookmarkError(`"${key}" is not a setting of the lab or of the method ${method}`);
    params[s.param] = strict(s, value);
    settings[key] = params[s.param];
  }
  const hash = serialiseHash(values, params);
  const prototypes = raw.prototypes === undefined ? undefined : checkPrototypes(raw.prototypes);
  return {
    bookmark: {
      kind: BOOKMARK_KIND,
      version: BOOKMARK_VERSION,
      settings,
      hash,
      ...(typeof raw.savedAt === 'string' ? { savedAt: raw.savedAt } : {}),
      ...(prototypes ? { prototypes } : {}),
    },
    hash,
  };
}

/** Reads a bookmark file's text: the bookmark and its hash, or why it cannot be used. */
export function readBookmark(text: string): BookmarkRead {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      error: `This file is not a bookmark: it is not JSON (${(e as Error).message}).`,
    };
  }
  if (!isObject(parsed)) {
    return { ok: false, error: 'This file is not a bookmark: it holds no JSON object.' };
  }
  try {
    return { ok: true, ...validate(migrateBookmark(parsed)) };
  } catch (e) {
    if (e instanceof BookmarkError) {
      return {
        ok: false,
        error: `This bookmark cannot be loaded: ${e.message}. Nothing was changed.`,
      };
    }
    throw e;
  }
}
