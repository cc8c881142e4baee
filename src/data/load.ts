import { readCifarArchive } from './archive.ts';
import type { CifarBatch, CifarDataset } from './dataset.ts';
import { detectBinFormat } from './detectFormat.ts';
import { DataError, inFile } from './errors.ts';
import { type CifarFormat, FORMATS } from './formats.ts';
import { CIFAR100_COARSE_NAMES, defaultNames, parseLabelNames } from './labelNames.ts';
import { officialNamesFile, officialRole } from './official.ts';
import { readBin } from './readBin.ts';
import { type ByteSource, countedStream, readSmall } from './source.ts';

/** What the user picked: for training (an archive brings both sets), and separately for testing. */
export interface LoadInput {
  /** One archive, or `.bin` batches and label-name `.txt` files (test-named batches go to the test set). */
  readonly train?: readonly ByteSource[];
  /** One archive (its test set is used) or `.bin` batches: all of them form the test set. */
  readonly test?: readonly ByteSource[];
}

export interface LoadProgress {
  /** Bytes read so far from all the picked files, and their total size. */
  readonly loaded: number;
  readonly total: number;
  /** The file being read. */
  readonly file: string;
}

export interface LoadOptions {
  /** The format of raw `.bin` files when their name and size do not tell it. */
  readonly format?: CifarFormat;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: LoadProgress) => void;
}

export type SourceKind = 'archive' | 'bin' | 'names';

/** By file name: `.bin` batches, `.txt` label names; anything else is tried as an archive. */
export function sourceKind(name: string): SourceKind {
  const lower = name.toLowerCase();
  if (lower.endsWith('.bin')) return 'bin';
  if (lower.endsWith('.txt')) return 'names';
  return 'archive';
}

/**
 * Loads CIFAR from the picked files. Every problem is a DataError naming the file; nothing is
 * returned unless every file was read completely.
 */
export async function loadCifar(
  input: LoadInput,
  options: LoadOptions = {},
): Promise<CifarDataset> {
  const train = input.train ?? [];
  const test = input.test ?? [];
  if (train.length + test.length === 0) {
    throw new DataError('The selection', 'is empty: pick an archive or .bin batch files');
  }
  const total = [...train, ...test].reduce((sum, s) => sum + Math.max(0, s.size), 0);
  let loaded = 0;
  const tracked = (source: ByteSource): ByteSource => ({
    name: source.name,
    size: source.size,
    stream: () =>
      countedStream(source, {
        onBytes: (n) => {
          loaded += n;
          options.onProgress?.({ loaded, total, file: source.name });
        },
      }),
  });
  const readGroup = (sources: readonly ByteSource[], role: 'auto' | 'test') =>
    loadGroup(sources.map(tracked), role, options);

  const fromTrain = train.length > 0 ? await readGroup(train, 'auto') : null;
  const fromTest = test.length > 0 ? await readGroup(test, 'test') : null;
  if (fromTrain && fromTest && fromTrain.format !== fromTest.format) {
    throw new DataError(
      test[0].name,
      `is ${FORMATS[fromTest.format].title}, but the training set is ${FORMATS[fromTrain.format].title}: ` +
        'pick a test set of the same dataset',
    );
  }
  const first = (fromTrain ?? fromTest) as Group;
  // Names picked with the test files count when the training files came without any.
  const named = fromTrain?.namesGiven || !fromTest?.namesGiven ? first : fromTest;
  return {
    format: first.format,
    classNames: named.classNames,
    coarseNames: named.coarseNames,
    train: fromTrain?.train ?? [],
    test: fromTest ? [...fromTest.train, ...fromTest.test] : (fromTrain?.test ?? []),
    sources: [...(fromTrain?.sources ?? []), ...(fromTest?.sources ?? [])],
    warnings: [...(fromTrain?.warnings ?? []), ...(fromTest?.warnings ?? [])],
  };
}

/** A slot's dataset, and whether its class names came from a file the user picked. */
type Group = CifarDataset & { readonly namesGiven: boolean };

/** One slot's files: an archive alone, or batches plus optional label-name files. */
async function loadGroup(
  sources: readonly ByteSource[],
  role: 'auto' | 'test',
  options: LoadOptions,
): Promise<Group> {
  const archives = sources.filter((s) => sourceKind(s.name) === 'archive');
  if (archives.length > 0) {
    if (sources.length > 1) {
      throw new DataError(
        archives[0].name,
        'must be picked on its own: an archive holds every batch already',
      );
    }
    const dataset = await readCifarArchive(sources[0], { signal: options.signal });
    return { ...dataset, train: role === 'test' ? [] : dataset.train, namesGiven: true };
  }

  const bins = sources.filter((s) => sourceKind(s.name) === 'bin');
  const texts = sources.filter((s) => sourceKind(s.name) === 'names');
  if (bins.length === 0) {
    throw new DataError(
      sources[0].name,
      'holds no images: pick .bin batch files (or an archive) with it',
    );
  }
  // Check every size before reading anything: a wrong file fails at once.
  const formats = bins.map((s) => {
    try {
      return detectBinFormat(s.name, s.size, options.format);
    } catch (e) {
      throw inFile(s.name, e);
    }
  });
  const format = formats[0];
  const odd = formats.findIndex((f) => f !== format);
  if (odd >= 0) {
    throw new DataError(
      bins[odd].name,
      `is ${FORMATS[formats[odd]].title}, but ${bins[0].name} is ${FORMATS[format].title}: pick batches of one dataset`,
    );
  }

  const order = bins
    .map((source, i) => ({ source, i }))
    .sort((a, b) => a.source.name.localeCompare(b.source.name, 'en', { numeric: true }));
  const train: CifarBatch[] = [];
  const test: CifarBatch[] = [];
  for (const { source } of order) {
    const split = role === 'test' ? 'test' : (officialRole(source.name)?.split ?? 'train');
    const batch = await readBin(source, format, { signal: options.signal });
    (split === 'test' ? test : train).push(batch);
  }

  let classNames: readonly string[] | null = null;
  let coarseNames: readonly string[] | null = null;
  for (const text of texts) {
    const which = officialNamesFile(text.name);
    if (!which) {
      throw new DataError(
        text.name,
        'is not a CIFAR label-name file (batches.meta.txt, fine_label_names.txt or coarse_label_names.txt)',
      );
    }
    if (which.format !== format) {
      throw new DataError(
        text.name,
        `holds ${FORMATS[which.format].title} names, but the batches are ${FORMATS[format].title}`,
      );
    }
    const bytes = await readSmall(text.stream(), 64 * 1024, options.signal);
    if (!bytes) throw new DataError(text.name, 'is too big for a label-name file');
    try {
      const names = parseLabelNames(bytes, format, which.kind);
      if (which.kind === 'fine') classNames = names;
      else coarseNames = names;
    } catch (e) {
      throw inFile(text.name, e);
    }
  }
  return {
    format,
    classNames: classNames ?? defaultNames(format),
    coarseNames: format === 'cifar100' ? (coarseNames ?? CIFAR100_COARSE_NAMES) : null,
    train,
    test,
    sources: sources.map((s) => s.name),
    warnings: [],
    namesGiven: classNames !== null,
  };
}
