// Test support (Node only): where the small CIFAR archives are, and shared helpers.
// The archives are read by path and never copied into the repository.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CifarDataset } from '../dataset.ts';
import { loadCifar } from '../load.ts';
import { fileSource } from '../node/readFile.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface TestArchive {
  readonly path: string;
  readonly present: boolean;
  readonly envVar: string;
}

function locate(envVar: string, file: string): TestArchive {
  const fromEnv = process.env[envVar];
  const path = fromEnv
    ? resolve(REPO_ROOT, fromEnv)
    : resolve(REPO_ROOT, '..', 'shared', 'data', file);
  return { path, present: existsSync(path), envVar };
}

/** ../shared/data/cifar-10-binary.tar.gz, or $CIFAR10_ARCHIVE. */
export const CIFAR10 = locate('CIFAR10_ARCHIVE', 'cifar-10-binary.tar.gz');
/** ../shared/data/cifar-100-binary.tar.gz, or $CIFAR100_ARCHIVE. */
export const CIFAR100 = locate('CIFAR100_ARCHIVE', 'cifar-100-binary.tar.gz');

/** A describe() title that says clearly why the block is skipped when the archive is absent. */
export function titled(archive: TestArchive, title: string): string {
  return archive.present
    ? title
    : `${title} [SKIPPED: no archive at ${archive.path}; set ${archive.envVar}]`;
}

const cache = new Map<string, Promise<CifarDataset>>();

/** Loads an archive once per test file. */
export function loadArchive(archive: TestArchive): Promise<CifarDataset> {
  let p = cache.get(archive.path);
  if (!p) {
    p = fileSource(archive.path).then((s) => loadCifar({ train: [s] }));
    cache.set(archive.path, p);
  }
  return p;
}
