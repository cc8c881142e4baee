import { describe, expect, it } from 'vitest';
import { countOf } from '../data/dataset.ts';
import { makeRecords } from '../data/testing/tarBuilder.ts';
import type { CifarLoader, LoadOutcome } from '../jobs/cifarLoaderClient.ts';
import { createDataStore, DEFAULT_SUBSET_FIELDS, parseSubsetFields } from './dataStore.ts';
import {
  cifar10Archive as archive,
  cifar100Files,
  cycledLabels as labels,
  nodeLoader,
  storedSubsetFetch,
} from './testing/nodeData.ts';

/** A loader that waits until cancelled. */
const stuckLoader: CifarLoader = () => {
  let cancel: () => void = () => {};
  const done = new Promise<LoadOutcome>((resolve) => {
    cancel = () => resolve({ kind: 'cancelled' });
  });
  return { done, cancel };
};

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
    // The whole subset shows the dataset's own pixels (the five batches lie in one buffer): 130
    // images of 3072 bytes once, the dataset's 130 labels, and the subset's 130 labels and 130
    // source indices (4 bytes each).
    expect(s.subset?.train.pixels.buffer).toBe(s.dataset?.train[0].pixels.buffer);
    expect(s.subset?.test.pixels.buffer).toBe(s.dataset?.test[0].pixels.buffer);
    expect(s.memoryBytes).toBe(130 * 3072 + 130 + 130 + 130 * 4);
    expect(s.loadMs).toBeGreaterThan(0);
    expect(s.loading).toBeNull();

    // Two classes of ten: their 20 training and 6 test images are copied (and the rest kept).
    s.setSubsetFields({ classes: 'cat,dog' });
    const two = store.getState();
    expect(two.subset?.train.count).toBe(20);
    expect(two.subset?.train.pixels.buffer).not.toBe(two.dataset?.train[0].pixels.buffer);
    expect(two.memoryBytes).toBe(130 * 3072 + 130 + 26 * 3072 + 26 + 26 * 4);
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

/** Loads the stored subset (ship, cat, dog; 6 and 2 images a class) through a stand-in fetch. */
async function loadStored(store: ReturnType<typeof createDataStore>): Promise<void> {
  const realFetch = globalThis.fetch;
  globalThis.fetch = storedSubsetFetch();
  try {
    await store.getState().loadDefault('http://app.test/');
  } finally {
    globalThis.fetch = realFetch;
  }
}

describe('a subset choice across loads', () => {
  it('draws a choice made before anything is loaded from the data once it comes', async () => {
    const store = createDataStore(nodeLoader);
    store.getState().setSubsetFields({ classes: 'cat,dog', trainPerClass: '4', testPerClass: '2' });
    expect(store.getState().fieldsChosen).toBe(true);
    await store.getState().loadFiles([archive], []);
    const s = store.getState();
    expect(s.subset?.classNames).toEqual(['cat', 'dog']);
    expect(s.subset?.train.count).toBe(8);
    expect(s.subset?.test.count).toBe(4);
    expect(s.fields.classes).toBe('cat,dog');
    expect(s.fieldsChosen).toBe(true);
    expect(s.loadNote).toBeNull();
    // It fits the stored subset too, so loading that keeps it.
    await loadStored(store);
    expect(store.getState().subset?.classNames).toEqual(['cat', 'dog']);
    expect(store.getState().subset?.train.count).toBe(8);
  });

  it('falls back when the choice does not fit the new data, and says which and why', async () => {
    const store = createDataStore(nodeLoader);
    store.getState().setSubsetFields({ classes: 'cat,dog', trainPerClass: '11' });
    await store.getState().loadFiles([archive], []);
    const s = store.getState();
    expect(s.loadNote).toBe(
      'The subset you chose (classes cat,dog, 11 training and all test images a class, seed 0) ' +
        'does not fit the data just loaded: the class "cat" has only 10 training images, but 11 a ' +
        'class were asked for. Using every image of every class instead; change the subset to ' +
        'choose again.',
    );
    expect(s.fields).toEqual(DEFAULT_SUBSET_FIELDS);
    expect(s.fieldsChosen).toBe(false);
    expect(s.subset?.train.count).toBe(100);
    expect(s.subsetError).toBeNull();
  });

  it('falls back to the stored subset when CIFAR-100 names do not fit it', async () => {
    const store = createDataStore(nodeLoader);
    store.getState().setSubsetFields({ classes: 'apple,tractor' });
    await loadStored(store);
    const s = store.getState();
    expect(s.loadNote).toMatch(
      /^The subset you chose \(classes apple,tractor, .*\) does not fit the data just loaded: there is no class named "apple" in CIFAR-10; its classes are airplane, .*\. Using classes ship,cat,dog, all training and all test images a class, seed 0 instead/,
    );
    expect(s.subset?.classNames).toEqual(['ship', 'cat', 'dog']);
    expect(s.fieldsChosen).toBe(false);
  });

  it('says when CIFAR-10 class names do not fit CIFAR-100 files', async () => {
    const store = createDataStore(nodeLoader);
    store.getState().setSubsetFields({ classes: 'cat,dog', trainPerClass: '1' });
    const { train, test } = cifar100Files();
    await store.getState().loadFiles([train], [test]);
    expect(store.getState().loadError).toBeNull();
    expect(store.getState().loadNote).toMatch(
      /^The subset you chose \(classes cat,dog, 1 training .*\) does not fit the data just loaded: there is no class named "cat" in CIFAR-100/,
    );
    expect(store.getState().subset?.classNames).toHaveLength(100);
  });

  it('does not carry subset fields that a load set into the next load', async () => {
    const store = createDataStore(nodeLoader);
    await loadStored(store);
    expect(store.getState().fields.classes).toBe('ship,cat,dog');
    expect(store.getState().fieldsChosen).toBe(false);
    await store.getState().loadFiles([archive], []);
    expect(store.getState().fields).toEqual(DEFAULT_SUBSET_FIELDS);
    expect(store.getState().subset?.classNames).toHaveLength(10);
    expect(store.getState().loadNote).toBeNull();
  });

  it('treats a choice of the defaults as no choice', async () => {
    const store = createDataStore(nodeLoader);
    store.getState().setSubsetFields({ classes: 'ALL', seed: '' });
    await loadStored(store);
    expect(store.getState().fields.classes).toBe('ship,cat,dog');
    expect(store.getState().loadNote).toBeNull();
  });
});
