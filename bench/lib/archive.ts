// The CIFAR-10 archive a Node benchmark reads: the path given on its command line, else the one
// the tests use ($CIFAR10_ARCHIVE, or ../shared/data/cifar-10-binary.tar.gz; src/data/testing).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadCifar } from '../../src/data/load.ts';
import { fileSource } from '../../src/data/node/readFile.ts';
import { type CifarSubset, makeSubset } from '../../src/data/subset.ts';
import { CIFAR10 } from '../../src/data/testing/archives.ts';

export function cifar10Archive(given?: string): {
  readonly path: string;
  readonly present: boolean;
} {
  const path = given === undefined ? CIFAR10.path : resolve(given);
  return { path, present: existsSync(path) };
}

/** Every image of an archive as one subset (all classes, all images, the data's seed 0). */
export async function wholeSubset(path: string): Promise<CifarSubset> {
  const dataset = await loadCifar({ train: [await fileSource(path)] });
  return makeSubset(dataset, {
    classes: { kind: 'all' },
    trainPerClass: 'all',
    testPerClass: 'all',
    seed: 0,
  });
}
