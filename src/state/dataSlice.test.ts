import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { countOf } from '../data/dataset.ts';
import { runLoaderJob } from '../data/loaderJob.ts';
import { makeRecords, makeTar } from '../data/testing/tarBuilder.ts';
import type { CifarLoader, LoadOutcome } from '../ui/data/loaderClient.ts';
import { outcomeOf } from '../ui/data/loaderClient.ts';
import { createDataStore, parseSubsetFields } from './dataSlice.ts';

/** Runs loads in this thread (the app runs the same job in a worker). */
const nodeLoader: CifarLoader = (request, onProgress) => {
  let cancel: () => void = () => {};
  const done = new Promise<LoadOutcome>((resolve) => {
    cancel = () => resolve({ kind: 'cancelled' });
    void runLoaderJob(request, (reply) => {
      if (reply.kind === 'progress') onProgress(reply);
      else resolve(outcomeOf(reply));
    });
  });
  return { done, cancel };
};

/** A loader that waits until cancelled. */
const stuckLoader: CifarLoader = () => {
  let cancel: () => void = () => {};
  const done = new Promise<LoadOutcome>((resolve) => {
    cancel = () => resolve({ kind: 'cancelled' });
  });
  return { done, cancel };
};

const labels = (n: number, offset = 0) => Array.from({ length: n }, (_, i) => (i + offset) % 10);
const members = [
  'data_batch_1.bin',
  'data_batch_2.bin',
  'data_batch_3.bin',
  'data_batch_4.bin',
  'data_batch_5.bin',
];
const archive = new File(
  [
    gzipSync(
      makeTar([
        ...members.map((m, i) => ({
          name: `cifar-10-batches-bin/${m}`,
          data: makeRecords(labels(20, i), 'cifar10'),
        })),
        { name: 'cifar-10-batches-bin/test_batch.bin', data: makeRecords(labels(30), 'cifar10') },
      ]),
    ),
  ],
  'cifar-10-binary.tar.gz',
);

describe('data store', () => {
  it('starts empty', () => {
    const store = createDataStore(nodeLoader);
    expect(store.getState().dataset).toBeNull();
    expect(store.getState().subset).toBeNull();
    expect(store.getState().memoryBytes).toBe(0);
  });

  it('loads an archive, draws the whole subset, and counts memory', async () => {
    const store = createDataStore(nodeLoader);
    await store.getState().loadFiles([archive], []);
    const s = store.getState();
    expect(s.loadError).toBeNull();
    expect(s.origin).toBe('files');
    expect(countOf(s.dataset?.train ?? [])).toBe(100);
    expect(s.subset?.train.count).toBe(100);
    expect(s.subset?.test.count).toBe(30);
    expect(s.memoryBytes).toBeGreaterThan(2 * 130 * 3072);
    expect(s.loadMs).toBeGreaterThan(0);
    expect(s.loading).toBeNull();
  });

  it('keeps what is loaded when a later file is bad, and says which file', async () => {
    const store = createDataStore(nodeLoader);
    await store.getState().loadFiles([archive], []);
    const before = store.getState().dataset;
    await store.getState().loadFiles([new File(['not an archive'], 'notes.tar.gz')], []);
    expect(store.getState().loadError).toMatch(/^notes\.tar\.gz is not a \.tar\.gz archive/);
    expect(store.getState().dataset).toBe(before);
    await store.getState().loadFiles([], [new File([new Uint8Array(3074)], 'test.bin')]);
    expect(store.getState().loadError).toMatch(
      /^test\.bin is CIFAR-100, but the training set is CIFAR-10/,
    );
    expect(store.getState().dataset).toBe(before);
    await store.getState().loadFiles([new File([new Uint8Array(100)], 'data_batch_1.bin')], []);
    expect(store.getState().loadError).toMatch(/^data_batch_1\.bin is named like a CIFAR-10 file/);
    expect(store.getState().dataset).toBe(before);
  });

  it('replaces only the test set when test files are picked', async () => {
    const store = createDataStore(nodeLoader);
    await store.getState().loadFiles([archive], []);
    const train = store.getState().dataset?.train;
    await store
      .getState()
      .loadFiles([], [new File([makeRecords(labels(10), 'cifar10')], 'my-test.bin')]);
    expect(store.getState().loadError).toBeNull();
    expect(store.getState().dataset?.train).toBe(train);
    expect(store.getState().subset?.test.count).toBe(10);
  });

  it('cancels a load and keeps the data', async () => {
    const store = createDataStore(stuckLoader);
    const load = store.getState().loadFiles([archive], []);
    expect(store.getState().loading).not.toBeNull();
    store.getState().cancelLoad();
    await load;
    expect(store.getState().loading).toBeNull();
    expect(store.getState().loadNote).toMatch(/cancelled/);
    expect(store.getState().dataset).toBeNull();
  });

  it('checks subset choices and keeps the last good subset', async () => {
    const store = createDataStore(nodeLoader);
    await store.getState().loadFiles([archive], []);
    store.getState().setSubsetFields({ classes: 'cat,dog', trainPerClass: '4', testPerClass: '2' });
    const good = store.getState().subset;
    expect(good?.classNames).toEqual(['cat', 'dog']);
    expect(good?.train.count).toBe(8);
    store.getState().setSubsetFields({ trainPerClass: '11' });
    expect(store.getState().subsetError).toMatch(
      /"cat" has only 10 training images, but 11 a class were asked for/,
    );
    expect(store.getState().subset).toBe(good);
    store.getState().setSubsetFields({ trainPerClass: '0' });
    expect(store.getState().subsetError).toMatch(/selection is empty/);
    store.getState().setSubsetFields({ trainPerClass: 'all', classes: '' });
    expect(store.getState().subsetError).toBeNull();
    expect(store.getState().subset?.classNames).toHaveLength(10);
  });

  it('reads the subset fields', () => {
    expect(
      parseSubsetFields({
        classes: 'first:3',
        trainPerClass: '10',
        testPerClass: 'all',
        seed: '5',
      }),
    ).toEqual({
      classes: { kind: 'first', count: 3 },
      trainPerClass: 10,
      testPerClass: 'all',
      seed: 5,
    });
    expect(() =>
      parseSubsetFields({ classes: 'all', trainPerClass: 'x', testPerClass: '1', seed: '0' }),
    ).toThrow(/training images a class must be a whole number or "all"/);
    expect(() =>
      parseSubsetFields({ classes: 'all', trainPerClass: '1', testPerClass: '1', seed: '1.5' }),
    ).toThrow(/seed/);
  });

  it('finds no stored subset when the server has none', async () => {
    const store = createDataStore(nodeLoader);
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async () => new Response('missing', { status: 404 })) as typeof fetch;
    try {
      await store.getState().loadDefault('http://app.test/');
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(store.getState().defaultSubset).toBe('absent');
    expect(store.getState().loadError).toBeNull();
    expect(store.getState().dataset).toBeNull();
  });
});
