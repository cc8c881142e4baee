import { METHODS } from '../core/methods/registry.ts';
import { paramSetting } from '../state/settings.ts';

/**
 * Which settings an embed can hide (TensorFlow Playground style: `?embed&method_hide`), and the
 * CSS that hides them. Controls are found by the ids the control components already give their
 * inputs (`#method`, `#N`, `#param-lr`), so no component needs to know about embedding.
 */

/** The page's own settings that have a control to hide, and how to find it. */
const SELECTORS: Readonly<Record<string, readonly string[]>> = {
  method: ['.field:has(#method)', '.field:has(#method) + .hint'],
  N: ['.field:has(#N)'],
  n: ['.field:has(#n)'],
  seed: ['.field:has(#seed)'],
  speed: ['.speed:has(#speed)'],
  view: ['.view-tabs'],
  'contacts.tol': ['.view-option:has([data-testid="contact-tolerance"])'],
};

/** Method parameter keys (`opt.lr`) to the id of their input (`param-lr`), over every method. */
const PARAM_IDS: ReadonlyMap<string, string> = new Map(
  METHODS.flatMap((m) => m.params.map((p) => [paramSetting(p).key, `param-${p.name}`] as const)),
);

/** Every key that `<key>_hide` accepts. */
export function hideableKeys(): string[] {
  return [...Object.keys(SELECTORS), ...PARAM_IDS.keys()];
}

export function isHideable(key: string): boolean {
  return key in SELECTORS || PARAM_IDS.has(key);
}

function selectorsOf(key: string): readonly string[] {
  const id = PARAM_IDS.get(key);
  if (id) return [`:is(.field, .check):has(#${id})`];
  return SELECTORS[key] ?? [];
}

/** A style sheet hiding these settings' controls inside `scope` (a CSS selector). */
export function hideCss(keys: readonly string[], scope: string): string {
  const rules = keys.flatMap(selectorsOf).map((s) => `${scope} ${s}`);
  return rules.length ? `${rules.join(',\n')} {\n  display: none !important;\n}\n` : '';
}
