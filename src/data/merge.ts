import type { CifarDataset } from './dataset.ts';
import { DataError } from './errors.ts';
import { FORMATS } from './formats.ts';

/**
 * Combines what was just loaded with what was there before:
 * - files for training (or an archive) replace the training set, and the test set too when they
 *   bring one; otherwise the old test set stays if it is of the same dataset;
 * - files for testing only replace the test set and keep the training set.
 * Throws a DataError (and the caller keeps the old data) when the two do not belong together.
 */
export function mergeLoaded(
  previous: CifarDataset | null,
  loaded: CifarDataset,
  picked: { readonly train: boolean; readonly test: boolean },
): CifarDataset {
  if (!previous) return loaded;
  const same = previous.format === loaded.format;
  if (picked.train) {
    if (loaded.test.length > 0 || !same || previous.test.length === 0) return loaded;
    return {
      ...loaded,
      test: previous.test,
      sources: [...loaded.sources, ...testSources(previous)],
    };
  }
  if (!same) {
    if (previous.train.length === 0) return loaded;
    throw new DataError(
      loaded.sources[0] ?? 'The test files',
      `is ${FORMATS[loaded.format].title}, but the training set is ${FORMATS[previous.format].title}: ` +
        'pick a test set of the same dataset',
    );
  }
  return {
    ...previous,
    test: loaded.test,
    sources: [...trainSources(previous), ...loaded.sources],
    warnings: [...previous.warnings, ...loaded.warnings],
  };
}

function testSources(d: CifarDataset): string[] {
  return d.test.map((b) => b.source);
}

function trainSources(d: CifarDataset): string[] {
  return d.train.map((b) => b.source);
}
