import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CifarBatch, type CifarDataset, classCounts, countOf } from './dataset.ts';
import { CIFAR10_NAMES, CIFAR100_COARSE_NAMES, CIFAR100_NAMES } from './labelNames.ts';
import { loadCifar } from './load.ts';
import { fileSource } from './node/readFile.ts';
import { CIFAR10, CIFAR100, loadArchive, type TestArchive, titled } from './testing/archives.ts';

/** Extracts an archive with the system tar into a fresh temporary folder. */
function extract(archive: TestArchive): string {
  const dir = mkdtempSync(join(tmpdir(), 'cifar-test-'));
  execFileSync('tar', ['-xzf', archive.path, '-C', dir]);
  return dir;
}

function expectSameRecords(a: readonly CifarBatch[], b: readonly CifarBatch[]) {
  expect(a.map((x) => x.count)).toEqual(b.map((x) => x.count));
  for (const [i, x] of a.entries()) {
    const y = b[i];
    expect(Buffer.from(x.labels).equals(Buffer.from(y.labels))).toBe(true);
    expect(x.coarseLabels === null).toBe(y.coarseLabels === null);
    if (x.coarseLabels && y.coarseLabels)
      expect(Buffer.from(x.coarseLabels).equals(Buffer.from(y.coarseLabels))).toBe(true);
    expect(Buffer.from(x.pixels).equals(Buffer.from(y.pixels))).toBe(true);
  }
}

describe.skipIf(!CIFAR10.present)(titled(CIFAR10, 'the CIFAR-10 archive'), () => {
  let dataset: CifarDataset;
  let dir: string;
  beforeAll(async () => {
    dataset = await loadArchive(CIFAR10);
    dir = extract(CIFAR10);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has 5 x 1000 training images, 500 a class, and 1000 test images, 100 a class', () => {
    expect(dataset.format).toBe('cifar10');
    expect(dataset.train.map((b) => b.count)).toEqual([1000, 1000, 1000, 1000, 1000]);
    expect(dataset.train.map((b) => b.source)).toEqual(
      [1, 2, 3, 4, 5].map(
        (i) => `cifar-10-binary.tar.gz › cifar-10-batches-bin/data_batch_${i}.bin`,
      ),
    );
    expect(classCounts(dataset.train, 10)).toEqual(new Array(10).fill(500));
    expect(countOf(dataset.test)).toBe(1000);
    expect(classCounts(dataset.test, 10)).toEqual(new Array(10).fill(100));
    // Classes are interleaved in every batch, as in the official ones.
    for (const batch of dataset.train) {
      for (const n of classCounts([batch], 10)) expect(n).toBeGreaterThanOrEqual(82);
    }
    expect(dataset.warnings).toEqual([]);
  });

  it('reads the class names from batches.meta.txt', () => {
    expect(dataset.classNames).toEqual(CIFAR10_NAMES);
    expect(dataset.coarseNames).toBeNull();
  });

  it('gives the same records as the extracted .bin files, picked together', async () => {
    const folder = join(dir, 'cifar-10-batches-bin');
    const files = readdirSync(folder).sort();
    expect(files).toContain('batches.meta.txt');
    // Picked in a shuffled order: the loader sorts batches by name.
    const sources = await Promise.all(files.reverse().map((f) => fileSource(join(folder, f))));
    const fromBins = await loadCifar({ train: sources });
    expect(fromBins.classNames).toEqual(dataset.classNames);
    expectSameRecords(fromBins.train, dataset.train);
    expectSameRecords(fromBins.test, dataset.test);
  });

  it('reads one .bin batch on its own, and a test set picked separately', async () => {
    const folder = join(dir, 'cifar-10-batches-bin');
    const one = await loadCifar({
      train: [await fileSource(join(folder, 'data_batch_3.bin'))],
      test: [await fileSource(join(folder, 'test_batch.bin'))],
    });
    expect(one.classNames).toEqual(CIFAR10_NAMES); // the published names, without batches.meta.txt
    expectSameRecords(one.train, [dataset.train[2]]);
    expectSameRecords(one.test, dataset.test);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const source = await fileSource(CIFAR10.path);
    const load = loadCifar(
      { train: [source] },
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.loaded > 1e6) controller.abort();
        },
      },
    );
    await expect(load).rejects.toThrow(/cancelled/);
  });
});

describe.skipIf(!CIFAR100.present)(titled(CIFAR100, 'the CIFAR-100 archive'), () => {
  let dataset: CifarDataset;
  let dir: string;
  beforeAll(async () => {
    dataset = await loadArchive(CIFAR100);
    dir = extract(CIFAR100);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has 5000 training images, 50 a class, and 1000 test images, 10 a class', () => {
    expect(dataset.format).toBe('cifar100');
    expect(countOf(dataset.train)).toBe(5000);
    expect(classCounts(dataset.train, 100)).toEqual(new Array(100).fill(50));
    expect(countOf(dataset.test)).toBe(1000);
    expect(classCounts(dataset.test, 100)).toEqual(new Array(100).fill(10));
  });

  it('reads fine and coarse names in the published (alphabetical) order', () => {
    expect(dataset.classNames).toEqual(CIFAR100_NAMES);
    expect(dataset.coarseNames).toEqual(CIFAR100_COARSE_NAMES);
    expect([...dataset.classNames].sort()).toEqual(dataset.classNames);
  });

  it('has a superclass for every image, the same for every image of a class', () => {
    const coarseOf = new Map<number, number>();
    let clashes = 0;
    for (const b of [...dataset.train, ...dataset.test]) {
      for (let i = 0; i < b.count; i++) {
        const c = b.coarseLabels?.[i] ?? -1;
        if ((coarseOf.get(b.labels[i]) ?? c) !== c) clashes++;
        coarseOf.set(b.labels[i], c);
      }
    }
    expect(clashes).toBe(0);
    expect(coarseOf.size).toBe(100);
    expect(new Set(coarseOf.values()).size).toBe(20);
    expect(dataset.classNames[48]).toBe('motorcycle');
    expect(dataset.coarseNames?.[coarseOf.get(48) ?? -1]).toBe('vehicles_1');
  });

  it('gives the same records as the extracted train.bin and test.bin', async () => {
    const folder = join(dir, 'cifar-100-binary');
    const sources = await Promise.all(readdirSync(folder).map((f) => fileSource(join(folder, f))));
    const fromBins = await loadCifar({ train: sources });
    expect(fromBins.coarseNames).toEqual(dataset.coarseNames);
    expectSameRecords(fromBins.train, dataset.train);
    expectSameRecords(fromBins.test, dataset.test);
  });
});
