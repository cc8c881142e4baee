import { formatClassSpec } from './classSpec.ts';
import { DataProblem } from './errors.ts';
import { type CifarFormat, FORMATS, isCifarFormat, PIXELS_PER_IMAGE } from './formats.ts';
import type { CifarSubset, PerClass, SubsetSplit } from './subset.ts';

/**
 * The compact subset that `npm run data` writes into public/data/ and the app loads by default
 * (documented in docs/data.md):
 *
 *   manifest.json      what is in the two files below (SubsetManifest)
 *   subset-train.bin   training images, official record layout of the dataset
 *   subset-test.bin    test images, same layout
 *
 * The .bin files hold records exactly as in the official batches (CIFAR-10: <label><3072 pixels>,
 * CIFAR-100: <coarse><fine><3072 pixels>) with the dataset's own labels, so any CIFAR reader
 * reads them; the manifest says which classes were chosen and in what order they are numbered.
 */
export const SUBSET_FILES = {
  manifest: 'manifest.json',
  train: 'subset-train.bin',
  test: 'subset-test.bin',
} as const;

export const MANIFEST_FORMAT = 'hypersphere-lab/cifar-subset';
export const MANIFEST_VERSION = 1;

export interface SubsetFileEntry {
  readonly file: string;
  readonly records: number;
  readonly bytes: number;
  /** Images of each chosen class, in subset order. */
  readonly perClass: readonly number[];
}

export interface SubsetManifest {
  readonly format: typeof MANIFEST_FORMAT;
  readonly version: typeof MANIFEST_VERSION;
  readonly dataset: CifarFormat;
  /** All class names of the dataset, in label order (the labels in the .bin files index this). */
  readonly classNames: readonly string[];
  readonly coarseNames: readonly string[] | null;
  /** The chosen classes (dataset labels), in subset order: subset class k is classes[k]. */
  readonly classes: readonly number[];
  readonly selection: {
    readonly classes: string;
    readonly trainPerClass: PerClass;
    readonly testPerClass: PerClass;
    readonly seed: number;
  };
  readonly files: { readonly train: SubsetFileEntry; readonly test: SubsetFileEntry };
  /** The archive or files the subset was drawn from. */
  readonly source: {
    readonly files: readonly string[];
    readonly md5?: string;
    readonly official?: boolean;
  };
  readonly createdAt: string;
}

/** One split of a subset as official records, with the dataset's labels. */
export function encodeRecords(subset: CifarSubset, split: SubsetSplit): Uint8Array {
  const { recordSize, labelBytes } = FORMATS[subset.format];
  const out = new Uint8Array(split.count * recordSize);
  for (let i = 0; i < split.count; i++) {
    const at = i * recordSize;
    const label = subset.sourceClasses[split.labels[i]];
    if (labelBytes === 2) {
      out[at] = split.coarseLabels ? split.coarseLabels[i] : 0;
      out[at + 1] = label;
    } else {
      out[at] = label;
    }
    out.set(
      split.pixels.subarray(i * PIXELS_PER_IMAGE, (i + 1) * PIXELS_PER_IMAGE),
      at + labelBytes,
    );
  }
  return out;
}

export function buildManifest(
  subset: CifarSubset,
  dataset: {
    readonly classNames: readonly string[];
    readonly coarseNames: readonly string[] | null;
  },
  source: SubsetManifest['source'],
  createdAt = new Date().toISOString(),
): SubsetManifest {
  const { recordSize } = FORMATS[subset.format];
  const entry = (file: string, split: SubsetSplit): SubsetFileEntry => {
    const perClass = subset.classNames.map(() => 0);
    for (const label of split.labels) perClass[label]++;
    return { file, records: split.count, bytes: split.count * recordSize, perClass };
  };
  const r = subset.request;
  return {
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    dataset: subset.format,
    classNames: [...dataset.classNames],
    coarseNames: dataset.coarseNames ? [...dataset.coarseNames] : null,
    classes: [...subset.sourceClasses],
    selection: {
      classes: formatClassSpec(r.classes),
      trainPerClass: r.trainPerClass,
      testPerClass: r.testPerClass,
      seed: r.seed,
    },
    files: {
      train: entry(SUBSET_FILES.train, subset.train),
      test: entry(SUBSET_FILES.test, subset.test),
    },
    source,
    createdAt,
  };
}

/** Checks a parsed manifest.json; throws a DataProblem saying what is wrong with it. */
export function parseManifest(json: unknown): SubsetManifest {
  const m = json as Partial<SubsetManifest> | null;
  const fail = (what: string): never => {
    throw new DataProblem(`is not a valid subset manifest (${what}): run \`npm run data\` again`);
  };
  if (!m || typeof m !== 'object') return fail('not a JSON object');
  if (m.format !== MANIFEST_FORMAT) return fail(`"format" is not "${MANIFEST_FORMAT}"`);
  if (m.version !== MANIFEST_VERSION)
    return fail(`version ${String(m.version)}, this app reads version ${MANIFEST_VERSION}`);
  if (!isCifarFormat(m.dataset)) return fail('"dataset" is neither cifar10 nor cifar100');
  const info = FORMATS[m.dataset];
  const names = (v: unknown, n: number) =>
    Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'string' && x.length > 0);
  if (!names(m.classNames, info.classes))
    return fail(`"classNames" must list ${info.classes} names`);
  if (
    m.dataset === 'cifar100' ? !names(m.coarseNames, info.coarseClasses) : m.coarseNames !== null
  ) {
    return fail('"coarseNames" does not fit the dataset');
  }
  const classes = m.classes;
  if (
    !Array.isArray(classes) ||
    classes.length === 0 ||
    !classes.every((c) => Number.isInteger(c) && c >= 0 && c < info.classes) ||
    new Set(classes).size !== classes.length
  ) {
    return fail('"classes" must be distinct labels of the dataset');
  }
  const sel = m.selection;
  if (!sel || typeof sel.classes !== 'string' || !Number.isInteger(sel.seed))
    return fail('"selection" is incomplete');
  for (const split of ['train', 'test'] as const) {
    const f = m.files?.[split];
    if (!f || f.file !== SUBSET_FILES[split])
      return fail(`"files.${split}.file" must be ${SUBSET_FILES[split]}`);
    if (!Number.isInteger(f.records) || f.records < 0 || f.bytes !== f.records * info.recordSize) {
      return fail(`"files.${split}" sizes do not add up`);
    }
    if (!Array.isArray(f.perClass) || f.perClass.length !== classes.length) {
      return fail(`"files.${split}.perClass" must have one count a class`);
    }
  }
  return m as SubsetManifest;
}
