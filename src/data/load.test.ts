import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type LoadProgress, loadCifar, sourceKind } from './load.ts';
import { makeRecords, makeTar, memorySource } from './testing/tarBuilder.ts';

const members = [
  'data_batch_1.bin',
  'data_batch_2.bin',
  'data_batch_3.bin',
  'data_batch_4.bin',
  'data_batch_5.bin',
  'test_batch.bin',
];
const archive = gzipSync(
  makeTar(
    members.map((m, i) => ({
      name: `cifar-10-batches-bin/${m}`,
      data: makeRecords([i, 1, 2], 'cifar10'),
    })),
  ),
);

describe('loadCifar', () => {
  it('reports progress in bytes of the picked files, up to their total', async () => {
    const seen: LoadProgress[] = [];
    await loadCifar(
      { train: [memorySource('cifar-10-binary.tar.gz', archive, 64)] },
      { onProgress: (p) => seen.push(p) },
    );
    expect(seen.length).toBeGreaterThan(3);
    expect(
      seen.every((p) => p.total === archive.length && p.file === 'cifar-10-binary.tar.gz'),
    ).toBe(true);
    expect(seen.map((p) => p.loaded)).toEqual([...seen.map((p) => p.loaded)].sort((a, b) => a - b));
    expect(seen.at(-1)?.loaded).toBe(archive.length);
  });

  it('takes an archive in the test slot for its test set only', async () => {
    const d = await loadCifar({ test: [memorySource('cifar-10-binary.tar.gz', archive)] });
    expect(d.train).toEqual([]);
    expect(d.test.map((b) => b.count)).toEqual([3]);
  });

  it('refuses an archive picked together with other files', async () => {
    const load = loadCifar({
      train: [
        memorySource('cifar-10-binary.tar.gz', archive),
        memorySource('data_batch_1.bin', makeRecords([1], 'cifar10')),
      ],
    });
    await expect(load).rejects.toThrow(/cifar-10-binary\.tar\.gz must be picked on its own/);
  });

  it('tells files apart by name', () => {
    expect(sourceKind('data_batch_1.bin')).toBe('bin');
    expect(sourceKind('BATCHES.META.TXT')).toBe('names');
    expect(sourceKind('cifar-10-binary.tar.gz')).toBe('archive');
    expect(sourceKind('cifar.tgz')).toBe('archive');
  });
});
