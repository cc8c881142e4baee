import type { ParamValue } from '../core/methods/types.ts';
import { DEFAULT_REQUEST } from './defaults.ts';
import {
  ALWAYS_WRITTEN,
  methodSettings,
  SETTINGS,
  type Setting,
  type SettingValue,
} from './settings.ts';

/**
 * The URL hash codec: `#method=lse&N=12&n=3&seed=0&view=s2&opt.steps=2000`.
 *
 * Reading is forgiving, because links get typed, truncated and edited by hand: a value that is
 * not valid (not a number, an unknown method) falls back to that key's default, a number outside
 * its range is clamped (a fraction where a whole number is needed is rounded), and each of these
 * leaves a notice in words for the page to show. Unknown keys are ignored. When a key appears
 * twice the last one counts.
 */

export interface ParsedHash {
  /** A value for every key of SETTINGS (its default where the hash has none). */
  readonly values: Readonly<Record<string, SettingValue>>;
  /** The chosen method's parameters that the hash sets to something else than their default. */
  readonly params: Readonly<Record<string, ParamValue>>;
  /** One sentence per value that was replaced, clamped or rounded. */
  readonly notices: readonly string[];
}

export interface SettingRead {
  readonly value: SettingValue;
  /** Set when the value in the link could not be used as it was. */
  readonly notice?: string;
}

/** Plain decimal numbers only: `12`, `-4`, `0.25`, `1e-3` (not `0x10`, not ``, not `Infinity`). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const TRUE_WORDS = ['1', 'true', 'yes', 'on'];
const FALSE_WORDS = ['0', 'false', 'no', 'off'];

function describe(value: SettingValue): string {
  return typeof value === 'boolean' ? (value ? 'on' : 'off') : String(value);
}

/** Reads one setting's text from the hash (see the rules above). */
export function readSetting(setting: Setting, raw: string): SettingRead {
  const text = raw.trim();
  const fallback = (why: string): SettingRead => ({
    value: setting.default,
    notice: `${setting.key}: ${why}; using the default, ${describe(setting.default)}.`,
  });
  switch (setting.type) {
    case 'int':
    case 'number': {
      if (!DECIMAL.test(text) || !Number.isFinite(Number(text))) {
        return fallback(`"${raw}" is not a number`);
      }
      const given = Number(text);
      let value = setting.type === 'int' ? Math.round(given) : given;
      const notes: string[] = [];
      if (value !== given) notes.push(`${given} is not a whole number; rounded to ${value}`);
      if (value < setting.min) {
        notes.push(`${value} is below the minimum; using ${setting.min}`);
        value = setting.min;
      } else if (value > setting.max) {
        notes.push(`${value} is above the maximum; using ${setting.max}`);
        value = setting.max;
      }
      return notes.length
        ? {
            value,
            notice: `${setting.key}: ${notes.join(', then ')} (range ${setting.min} to ${setting.max}).`,
          }
        : { value };
    }
    case 'boolean': {
      const word = text.toLowerCase();
      if (TRUE_WORDS.includes(word)) return { value: true };
      if (FALSE_WORDS.includes(word)) return { value: false };
      return fallback(`"${raw}" is not 1 or 0`);
    }
    case 'numbers': {
      const parts = text.split(',').map((x) => x.trim());
      if (parts.length !== setting.length || !parts.every((x) => DECIMAL.test(x))) {
        return fallback(`"${raw}" is not ${setting.length} comma-separated numbers`);
      }
      let numbers = parts.map(Number);
      if (setting.integer) numbers = numbers.map(Math.round);
      const clamped = numbers.map((x) => Math.min(setting.max, Math.max(setting.min, x)));
      const outside = clamped.some((x, i) => x !== numbers[i]);
      const valid = setting.normalise ? setting.normalise(clamped) : clamped;
      if (!valid.every(Number.isFinite)) return fallback(`"${raw}" is not usable`);
      return outside
        ? {
            value: valid.join(','),
            notice: `${setting.key}: numbers outside ${setting.min} to ${setting.max} were clamped.`,
          }
        : { value: valid.join(',') };
    }
    case 'choice':
      return setting.options.includes(text)
        ? { value: text }
        : fallback(`"${raw}" is not one of ${setting.options.join(', ')}`);
    case 'text': {
      const read = setting.normalise(text);
      if ('why' in read) return fallback(`"${raw}" ${read.why}`);
      return read.note
        ? { value: read.value, notice: `${setting.key}: ${read.note}.` }
        : { value: read.value };
    }
  }
}

/** The key-value pairs of a hash (with or without the leading #), the last of each key kept. */
function pairs(hash: string): Map<string, string> {
  const out = new Map<string, string>();
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of body.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    try {
      out.set(decodeURIComponent(rawKey), decodeURIComponent(rawValue.replace(/\+/g, ' ')));
    } catch {
      // Broken percent-encoding: keep the text as it is, so the value is reported, not lost.
      out.set(rawKey, rawValue);
    }
  }
  return out;
}

/** Reads a whole hash: every setting (defaults filled in), the method's parameters, notices. */
export function parseHash(hash: string): ParsedHash {
  const given = pairs(hash);
  const values: Record<string, SettingValue> = {};
  const notices: string[] = [];
  for (const setting of SETTINGS) {
    const raw = given.get(setting.key);
    if (raw === undefined) {
      values[setting.key] = setting.default;
      continue;
    }
    const read = readSetting(setting, raw);
    values[setting.key] = read.value;
    if (read.notice) notices.push(read.notice);
  }
  // A link that names no method (or one that fell back to the default) shows the default method
  // as the first view does, parameters and all.
  const named = given.get('method')?.trim() === values.method;
  const params: Record<string, ParamValue> = named ? {} : { ...DEFAULT_REQUEST.params };
  for (const setting of methodSettings(String(values.method))) {
    const raw = given.get(setting.key);
    if (raw === undefined) continue;
    const read = readSetting(setting, raw);
    if (read.notice) notices.push(read.notice);
    if (read.value !== setting.default) params[setting.param] = read.value;
  }
  return { values, params, notices };
}

/**
 * Commas and colons stay as they are: both are allowed in a fragment (RFC 3986) and a shared
 * link reads better as data.classes=cat,dog or first:3 than as cat%2Cdog (both are read).
 */
function encode(value: SettingValue): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  return encodeURIComponent(String(value)).replace(/%2C/g, ',').replace(/%3A/g, ':');
}

/**
 * Writes the hash (without the #): the keys of ALWAYS_WRITTEN, then every other setting and
 * method parameter that differs from its default, in declaration order.
 */
export function serialiseHash(
  values: Readonly<Record<string, SettingValue>>,
  params: Readonly<Record<string, ParamValue | undefined>> = {},
): string {
  const parts: string[] = [];
  for (const setting of SETTINGS) {
    const value = values[setting.key] ?? setting.default;
    if (ALWAYS_WRITTEN.includes(setting.key) || value !== setting.default) {
      parts.push(`${setting.key}=${encode(value)}`);
    }
  }
  for (const setting of methodSettings(String(values.method ?? ''))) {
    const value = params[setting.param];
    if (value !== undefined && value !== setting.default) {
      parts.push(`${setting.key}=${encode(value)}`);
    }
  }
  return parts.join('&');
}
