import type { CifarDataset } from './dataset.ts';
import { FORMATS } from './formats.ts';

/**
 * Which classes a subset uses, and in what order they are numbered:
 * - all: every class, in the published order (CIFAR-100: alphabetical);
 * - first: the first K classes of the published order;
 * - names: the named classes, numbered in the order they are listed (this is how to reorder);
 * - superclasses (CIFAR-100): every fine class of the named superclasses, in the published order.
 */
export type ClassSpec =
  | { readonly kind: 'all' }
  | { readonly kind: 'first'; readonly count: number }
  | { readonly kind: 'names'; readonly names: readonly string[] }
  | { readonly kind: 'superclasses'; readonly names: readonly string[] };

/** A class choice that cannot be made, in words for the user. */
export class SelectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SelectionError';
  }
}

/**
 * Reads a class choice written as text:
 * `all` | `first:K` (or just `K`) | `cat,dog,ship` | `superclass:vehicles_1,vehicles_2`.
 */
export function parseClassSpec(text: string): ClassSpec {
  const t = text.trim();
  if (t === '' || t.toLowerCase() === 'all') return { kind: 'all' };
  const first = /^(?:first\s*[:=]?\s*)?(\d+)$/i.exec(t);
  if (first) return { kind: 'first', count: Number(first[1]) };
  const sup = /^(?:superclass(?:es)?|super|coarse)\s*[:=]\s*(.*)$/i.exec(t);
  const names = splitNames(sup ? sup[1] : t);
  if (names.length === 0) throw new SelectionError(`"${text}" names no classes`);
  return sup ? { kind: 'superclasses', names } : { kind: 'names', names };
}

export function formatClassSpec(spec: ClassSpec): string {
  switch (spec.kind) {
    case 'all':
      return 'all';
    case 'first':
      return `first:${spec.count}`;
    case 'names':
      return spec.names.join(',');
    case 'superclasses':
      return `superclass:${spec.names.join(',')}`;
  }
}

function splitNames(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((n) => n.trim())
    .filter((n) => n.length > 0);
}

function normal(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, '_');
}

/** The fine class -> superclass map seen in the data (-1 where a class has no images). */
export function superclassOf(dataset: CifarDataset): Int16Array {
  const map = new Int16Array(FORMATS[dataset.format].classes).fill(-1);
  for (const b of [...dataset.train, ...dataset.test]) {
    if (!b.coarseLabels) continue;
    for (let i = 0; i < b.count; i++) map[b.labels[i]] = b.coarseLabels[i];
  }
  return map;
}

/** The chosen classes as labels of the dataset, in subset order. Throws SelectionError. */
export function resolveClasses(spec: ClassSpec, dataset: CifarDataset): number[] {
  const { classNames } = dataset;
  const title = FORMATS[dataset.format].title;
  const all = classNames.map((_, i) => i);
  let chosen: number[];
  switch (spec.kind) {
    case 'all':
      chosen = all;
      break;
    case 'first':
      if (!Number.isInteger(spec.count) || spec.count < 1 || spec.count > classNames.length) {
        throw new SelectionError(
          `the first ${spec.count} classes: choose between 1 and ${classNames.length} (${title} has ${classNames.length} classes)`,
        );
      }
      chosen = all.slice(0, spec.count);
      break;
    case 'names': {
      const index = new Map(classNames.map((n, i) => [normal(n), i]));
      chosen = spec.names.map((name) => {
        const i = index.get(normal(name));
        if (i === undefined) {
          throw new SelectionError(
            `there is no class named "${name}" in ${title}; its classes are ${listNames(classNames)}`,
          );
        }
        return i;
      });
      const twice = chosen.find((c, k) => chosen.indexOf(c) !== k);
      if (twice !== undefined)
        throw new SelectionError(`the class "${classNames[twice]}" is listed twice`);
      break;
    }
    case 'superclasses': {
      const coarse = dataset.coarseNames;
      if (!coarse)
        throw new SelectionError(`${title} has no superclasses; only CIFAR-100 has them`);
      const index = new Map(coarse.map((n, i) => [normal(n), i]));
      const wanted = new Set(
        spec.names.map((name) => {
          const i = index.get(normal(name));
          if (i === undefined) {
            throw new SelectionError(
              `there is no superclass named "${name}" in ${title}; its superclasses are ${listNames(coarse)}`,
            );
          }
          return i;
        }),
      );
      const of = superclassOf(dataset);
      chosen = all.filter((c) => wanted.has(of[c]));
      break;
    }
  }
  if (chosen.length === 0)
    throw new SelectionError('the selection is empty: no classes are chosen');
  return chosen;
}

function listNames(names: readonly string[]): string {
  return names.length <= 20
    ? names.join(', ')
    : `${names.slice(0, 20).join(', ')}, ... (${names.length} in all)`;
}
