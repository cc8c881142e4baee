import { DEFAULT_PANELS, PANEL_IDS, type PanelId } from '../ui/export/embedCode.ts';
import { hideableKeys, isHideable } from './hide.ts';

/**
 * Embed options: what an embedded lab shows and whom it listens to. Read from the page address
 * (`?embed&panels=scene,metrics&method_hide&origins=https://a.org`; the same flags may sit in
 * the hash) or from a `<hypersphere-lab>` element's attributes (`panels`, `hide`, `origins`).
 * Reading never fails: a value that cannot be used is dropped and leaves a notice in words.
 */

export interface EmbedOptions {
  readonly embedded: boolean;
  /** The panels to show, in the order given. */
  readonly panels: readonly PanelId[];
  /** Setting keys whose controls are hidden (`method`, `N`, `opt.lr`). */
  readonly hidden: readonly string[];
  /** Origins whose postMessage commands are obeyed (none by default). */
  readonly origins: readonly string[];
  /** One sentence per flag that could not be used. */
  readonly notices: readonly string[];
}

const HIDE_SUFFIX = '_hide';
const FLAG_KEYS = ['embed', 'panels', 'origins', 'hide'];
const FALSE_WORDS = ['0', 'false', 'no', 'off'];

/** Whether a URL key is an embed flag (so the settings codec can leave it alone). */
export function isEmbedKey(key: string): boolean {
  return FLAG_KEYS.includes(key) || key.endsWith(HIDE_SUFFIX);
}

/** A flag that is present without a value, or with any value but 0/false/no/off, is on. */
function on(value: string): boolean {
  return !FALSE_WORDS.includes(value.trim().toLowerCase());
}

function list(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((x) => x.trim())
    .filter(Boolean);
}

/** `https://a.org` (scheme, host, port; no path), or null when the text is not an origin. */
export function normaliseOrigin(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // Only a bare origin: a path, query or credentials mean the author meant something else.
  if (url.origin !== text.replace(/\/$/, '')) return null;
  return url.origin;
}

/**
 * Reads embed flags from key-value pairs (query and hash of an address, or attributes). The last
 * `panels` and `origins` count; hide flags add up. `embedded` starts as given (an element is
 * always embedded) and the `embed` flag can turn it on.
 */
export function parseEmbedOptions(
  pairs: Iterable<readonly [string, string]>,
  embedded = false,
): EmbedOptions {
  let isEmbedded = embedded;
  let panelsText: string | null = null;
  let originsText: string | null = null;
  const hideRequests: string[] = [];
  for (const [key, value] of pairs) {
    if (key === 'embed') isEmbedded = embedded || on(value);
    else if (key === 'panels') panelsText = value;
    else if (key === 'origins') originsText = value;
    else if (key === 'hide') hideRequests.push(...list(value));
    else if (key.endsWith(HIDE_SUFFIX) && on(value)) hideRequests.push(key.slice(0, -5));
  }
  const notices: string[] = [];

  let panels: PanelId[] = [];
  for (const p of list(panelsText ?? '')) {
    if (!(PANEL_IDS as readonly string[]).includes(p)) {
      notices.push(`panels: "${p}" is not a panel (${PANEL_IDS.join(', ')}); left out.`);
    } else if (!panels.includes(p as PanelId)) panels.push(p as PanelId);
  }
  if (panels.length === 0) {
    if (panelsText !== null)
      notices.push(`panels: none usable; showing ${DEFAULT_PANELS.join(', ')}.`);
    panels = [...DEFAULT_PANELS];
  }

  const hidden: string[] = [];
  for (const key of hideRequests) {
    if (!isHideable(key)) {
      notices.push(
        `${key}_hide: "${key}" is not a setting with a control to hide (${hideableKeys().join(', ')}).`,
      );
    } else if (!hidden.includes(key)) hidden.push(key);
  }

  const origins: string[] = [];
  for (const o of list(originsText ?? '')) {
    const origin = normaliseOrigin(o);
    if (origin === null) {
      notices.push(
        `origins: "${o}" is not an origin like https://example.org (scheme, host and port only); ignored.`,
      );
    } else if (!origins.includes(origin)) origins.push(origin);
  }

  return { embedded: isEmbedded, panels, hidden, origins, notices };
}

/** The key-value pairs of a query (`?a=1&b`) or hash (`#a=1&b`), in order. */
export function addressPairs(text: string): [string, string][] {
  const body = text.replace(/^[?#]/, '');
  const out: [string, string][] = [];
  for (const part of body.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    try {
      out.push([decodeURIComponent(key), decodeURIComponent(value.replace(/\+/g, ' '))]);
    } catch {
      out.push([key, value]);
    }
  }
  return out;
}
