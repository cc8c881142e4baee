import { formatClassSpec, parseClassSpec, SelectionError } from '../data/classSpec.ts';

/**
 * How the link reads the data subset's text settings (`data.classes`, `data.train`, `data.test`).
 * Only the spelling is checked here: whether the classes exist, and whether they have that many
 * images, depends on the data loaded later (state/dataStore.ts says so when a choice does not fit).
 */

/**
 * What a text setting's `normalise` makes of a text: its one spelling (with a note when it had to
 * change the value, e.g. capped it), or why it cannot be used.
 */
export type TextRead =
  | { readonly value: string; readonly note?: string }
  | { readonly why: string };

/** A class choice, spelt as formatClassSpec writes it (`all`, `first:3`, `cat,dog`). */
export function normaliseClasses(text: string): TextRead {
  try {
    const spec = parseClassSpec(text);
    if (spec.kind === 'first' && spec.count < 1) return { why: 'chooses no classes' };
    return { value: formatClassSpec(spec) };
  } catch (e) {
    if (!(e instanceof SelectionError)) throw e;
    return {
      why: 'is not a class choice (all, first:K, names like cat,dog, or superclass:names)',
    };
  }
}

/** Images a class: `all`, or a whole number from 1, capped at `max` (no class has more). */
export function perClassReader(max: number): (text: string) => TextRead {
  return (text) => {
    const t = text.trim().toLowerCase();
    if (t === 'all') return { value: 'all' };
    const n = /^\+?\d+$/.test(t) ? Number(t) : 0;
    if (n < 1) return { why: 'is not "all" or a whole number from 1 up' };
    if (n > max) {
      return {
        value: String(max),
        note: `${n} is above the maximum; using ${max} (range 1 to ${max}, or all)`,
      };
    }
    return { value: String(n) };
  };
}
