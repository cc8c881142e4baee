import { loadCifar } from '../data/load.ts';
import { fileSource } from '../data/node/readFile.ts';

/**
 * The dataset of a `--train` archive or batch and an optional `--test` one (the training
 * archive's own test set when `--test` is absent or the same file), as `train` and `experiment`
 * read them.
 */
export async function loadTrainAndTest(train: string, test: string | null) {
  const trainSources = [await fileSource(train)];
  const testSources = test !== null && test !== train ? [await fileSource(test)] : [];
  return loadCifar({ train: trainSources, test: testSources });
}
