// The CIFAR-10 archive a Node benchmark reads: the path given on its command line, else the one
// the tests use ($CIFAR10_ARCHIVE, or ../shared/data/cifar-10-binary.tar.gz; src/data/testing).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CIFAR10 } from '../../src/data/testing/archives.ts';

export function cifar10Archive(given?: string): {
  readonly path: string;
  readonly present: boolean;
} {
  const path = given === undefined ? CIFAR10.path : resolve(given);
  return { path, present: existsSync(path) };
}
