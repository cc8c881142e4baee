import { TOUR_STEPS } from './steps.ts';

/**
 * Tour steps as links. A step is shown by reading a hash made of its preset (urlSync.applyHash),
 * the same path a pasted link takes, so `#tour=3` and clicking to step 3 give the same page.
 */

type Value = number | boolean | string;

/**
 * Settings a step keeps from the page: how it is presented, not what it shows, and the training
 * panel's settings (`train.*`), which no step is about.
 */
export const KEPT_KEYS: readonly string[] = ['speed', 'present', 'palette'];
const KEPT_PREFIX = 'train.';

const kept = (key: string) => KEPT_KEYS.includes(key) || key.startsWith(KEPT_PREFIX);

/** Keys that say what a link shows; a tour link without any of them shows the step's preset. */
const REQUEST_KEYS: readonly string[] = ['method', 'N', 'n', 'seed'];

function encode(value: Value): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  return encodeURIComponent(String(value));
}

/** The hash (without #) of tour step k (1-based): the page's kept settings, the preset, `tour=k`. */
export function tourStepHash(k: number, page: Readonly<Record<string, Value>> = {}): string {
  const step = TOUR_STEPS[k - 1];
  if (!step) throw new RangeError(`the tour has steps 1 to ${TOUR_STEPS.length}, not ${k}`);
  const values: Record<string, Value> = {};
  for (const [key, value] of Object.entries(page)) if (kept(key)) values[key] = value;
  Object.assign(values, step.preset, { tour: k });
  return Object.entries(values)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encode(value)}`)
    .join('&');
}

/**
 * A link that names a tour step and nothing of what to show (`#tour=3`, `#tour=3&present=1`)
 * becomes that step's full hash. A link that says what it shows (the page writes method, N, n
 * and seed into every link) is left alone: it may show the step after the speaker changed it.
 */
export function expandTourLink(hash: string): string {
  const given = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const raw = given.get('tour');
  if (raw === null || REQUEST_KEYS.some((key) => given.has(key))) return hash;
  const k = Number(raw);
  if (!Number.isInteger(k) || k < 1 || k > TOUR_STEPS.length) return hash;
  return tourStepHash(k, Object.fromEntries(given));
}
