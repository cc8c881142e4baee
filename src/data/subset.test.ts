import { describe, expect, it } from 'vitest';
import { formatClassSpec, parseClassSpec, resolveClasses, SelectionError } from './classSpec.ts';
import {
  bytesHeld,
  contiguousPixels,
  datasetArrays,
  transferables,
  withContiguousPixels,
} from './dataset.ts';
import { makeSubset, type SubsetRequest, subsetArrays, subsetCounts } from './subset.ts';
import { syntheticDataset } from './testing/synthetic.ts';

const cifar10 = syntheticDataset('cifar10', 30, 6);
const cifar100 = syntheticDataset('cifar100', 5, 2);

const request = (patch: Partial<SubsetRequest>): SubsetRequest => ({
  classes: { kind: 'all' },
  trainPerClass: 'all',
  testPerClass: 'all',
  seed: 0,
  ...patch,
});

describe('class choice', () => {
  it('parses the written forms', () => {
    expect(parseClassSpec('')).toEqual({ kind: 'all' });
    expect(parseClassSpec(' ALL ')).toEqual({ kind: 'all' });
    expect(parseClassSpec('5')).toEqual({ kind: 'first', count: 5 });
    expect(parseClassSpec('first:3')).toEqual({ kind: 'first', count: 3 });
    expect(parseClassSpec('cat, dog ship')).toEqual({
      kind: 'names',
      names: ['cat', 'dog', 'ship'],
    });
    expect(parseClassSpec('superclass:vehicles_1,trees')).toEqual({
      kind: 'superclasses',
      names: ['vehicles_1', 'trees'],
    });
    for (const text of ['all', 'first:4', 'cat,dog', 'superclass:trees']) {
      expect(formatClassSpec(parseClassSpec(text))).toBe(text);
    }
  });

  it('keeps the published order, or the listed order for names', () => {
    expect(resolveClasses({ kind: 'all' }, cifar100)).toEqual([...Array(100).keys()]);
    expect(resolveClasses({ kind: 'first', count: 3 }, cifar10)).toEqual([0, 1, 2]);
    expect(resolveClasses(parseClassSpec('truck,cat,airplane'), cifar10)).toEqual([9, 3, 0]);
    expect(resolveClasses(parseClassSpec('Pickup_Truck'), cifar100)).toEqual([58]);
  });

  it('takes the fine classes of CIFAR-100 superclasses, in alphabetical order', () => {
    // In the synthetic data, class c belongs to superclass c mod 20; vehicles_1 is superclass 18.
    expect(resolveClasses(parseClassSpec('superclass:vehicles_1'), cifar100)).toEqual([
      18, 38, 58, 78, 98,
    ]);
  });

  it('explains a choice it cannot make', () => {
    const fails =
      (text: string, d = cifar10) =>
      () =>
        resolveClasses(parseClassSpec(text), d);
    expect(fails('catt')).toThrow(
      /no class named "catt" in CIFAR-10; its classes are airplane, automobile/,
    );
    expect(fails('cat,cat')).toThrow(/"cat" is listed twice/);
    expect(fails('first:11')).toThrow(/choose between 1 and 10/);
    expect(fails('0')).toThrow(SelectionError);
    expect(fails('superclass:trees')).toThrow(/CIFAR-10 has no superclasses/);
    expect(fails('superclass:boats', cifar100)).toThrow(/no superclass named "boats"/);
    expect(() => parseClassSpec('superclass:')).toThrow(/names no classes/);
  });
});

describe('makeSubset', () => {
  it('takes the same number of images from every chosen class', () => {
    const s = makeSubset(
      cifar10,
      request({ classes: parseClassSpec('dog,cat'), trainPerClass: 7, testPerClass: 2 }),
    );
    expect(s.classNames).toEqual(['dog', 'cat']);
    expect(s.sourceClasses).toEqual([5, 3]);
    expect(subsetCounts(s.train, 2)).toEqual([7, 7]);
    expect(subsetCounts(s.test, 2)).toEqual([2, 2]);
    // Labels are renumbered; pixels are the images of those classes (byte 0 holds the class here).
    for (let i = 0; i < s.train.count; i++)
      expect(s.train.pixels[i * 3072]).toBe(s.sourceClasses[s.train.labels[i]]);
    // File order is kept.
    expect([...s.train.sourceIndex]).toEqual([...s.train.sourceIndex].sort((a, b) => a - b));
  });

  it('is reproducible, changes with the seed, and does not depend on the other classes', () => {
    const a = makeSubset(cifar10, request({ trainPerClass: 5, seed: 7 }));
    const b = makeSubset(cifar10, request({ trainPerClass: 5, seed: 7 }));
    const c = makeSubset(cifar10, request({ trainPerClass: 5, seed: 8 }));
    expect([...a.train.sourceIndex]).toEqual([...b.train.sourceIndex]);
    expect([...a.train.sourceIndex]).not.toEqual([...c.train.sourceIndex]);
    const catOnly = makeSubset(
      cifar10,
      request({ classes: parseClassSpec('cat'), trainPerClass: 5, seed: 7 }),
    );
    const catInAll = [...a.train.sourceIndex].filter((_, i) => a.train.labels[i] === 3);
    expect([...catOnly.train.sourceIndex]).toEqual(catInAll);
  });

  it('takes every image with "all", and keeps CIFAR-100 superclass labels', () => {
    const s = makeSubset(cifar100, request({ classes: parseClassSpec('superclass:trees') }));
    expect(s.classNames).toEqual(['castle', 'house', 'pear', 'snail', 'wolf']); // 17, 37, 57, 77, 97
    expect(s.train.count).toBe(25);
    expect(s.test.count).toBe(10);
    expect(new Set(s.train.coarseLabels)).toEqual(new Set([17]));
  });

  it('refuses an empty selection or too few images, saying which class', () => {
    expect(() => makeSubset(cifar10, request({ trainPerClass: 0 }))).toThrow(
      /selection is empty: 0 training images a class/,
    );
    expect(() => makeSubset(cifar10, request({ trainPerClass: 31 }))).toThrow(
      /the class "airplane" has only 30 training images, but 31 a class were asked for/,
    );
    expect(() => makeSubset(cifar10, request({ testPerClass: 7 }))).toThrow(/only 6 test images/);
    const testOnly = { ...cifar10, train: [] };
    expect(() => makeSubset(testOnly, request({}))).toThrow(
      /selection is empty: no training images are loaded/,
    );
    expect(() => makeSubset(cifar10, request({ seed: -1 }))).toThrow(/seed must be a whole number/);
    expect(() => makeSubset(cifar10, request({ trainPerClass: 2.5 }))).toThrow(
      /whole number or "all"/,
    );
  });

  it('allows an empty test set (none loaded, or 0 a class)', () => {
    const noTest = { ...cifar10, test: [] };
    expect(makeSubset(noTest, request({})).test.count).toBe(0);
    expect(makeSubset(cifar10, request({ testPerClass: 0 })).test.count).toBe(0);
  });
});

describe('subsets of every image', () => {
  /** Byte-for-byte equality (expect's deep equality walks 10^6 elements one by one). */
  const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
  const concat = (parts: readonly Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  };

  it('packs the batches of a split into one buffer, the batches views of it in order', () => {
    const loose = syntheticDataset('cifar10', 30, 6); // three training batches, one test batch
    expect(contiguousPixels(loose.train)).toBeNull();
    const packed = withContiguousPixels(loose);
    expect(packed.train.map((b) => b.source)).toEqual(loose.train.map((b) => b.source));
    const buffer = packed.train[0].pixels.buffer;
    for (const [k, b] of packed.train.entries()) {
      expect(b.pixels.buffer).toBe(buffer);
      expect(same(b.pixels, loose.train[k].pixels)).toBe(true);
      expect(b.labels).toBe(loose.train[k].labels);
    }
    const whole = contiguousPixels(packed.train);
    expect(whole && same(whole, concat(loose.train.map((b) => b.pixels)))).toBe(true);
    // A single batch is already one buffer, and is left as it is.
    expect(packed.test[0]).toBe(loose.test[0]);
    // Transferred from the loader's worker as one buffer, not once per batch.
    expect(transferables(packed).filter((b) => b === buffer)).toHaveLength(1);
  });

  it('shows the split’s own pixels instead of a copy, and copies any smaller choice', () => {
    const packed = withContiguousPixels(syntheticDataset('cifar10', 30, 6));
    const all = makeSubset(packed, request({}));
    expect(all.train.pixels.buffer).toBe(packed.train[0].pixels.buffer);
    expect(all.test.pixels.buffer).toBe(packed.test[0].pixels.buffer);
    // The same images as the copy drawn from the unpacked batches.
    const copied = makeSubset(syntheticDataset('cifar10', 30, 6), request({}));
    expect(copied.train.pixels.buffer).not.toBe(packed.train[0].pixels.buffer);
    expect(same(all.train.pixels, copied.train.pixels)).toBe(true);
    expect(all.train.labels).toEqual(copied.train.labels);
    expect(all.train.sourceIndex).toEqual(copied.train.sourceIndex);

    const some = makeSubset(packed, request({ trainPerClass: 29 }));
    expect(some.train.pixels.buffer).not.toBe(packed.train[0].pixels.buffer);
    expect(some.train.pixels.length).toBe(290 * 3072);
    // Counted once: the whole subset costs only its labels and indices on top of the dataset.
    expect(bytesHeld([...datasetArrays(packed), ...subsetArrays(all)])).toBe(
      bytesHeld(datasetArrays(packed)) + (300 + 60) + 4 * (300 + 60),
    );
  });
});
