import { createRandom } from '../core/math/random.ts';
import { type ClassSpec, resolveClasses, SelectionError, superclassOf } from './classSpec.ts';
import {
  type CifarBatch,
  type CifarDataset,
  classCounts,
  contiguousPixels,
  countOf,
  forEachRecord,
  type SplitName,
} from './dataset.ts';
import { type CifarFormat, PIXELS_PER_IMAGE } from './formats.ts';

/** How many images of each class to take: a number, or every image there is. */
export type PerClass = number | 'all';

export interface SubsetRequest {
  readonly classes: ClassSpec;
  readonly trainPerClass: PerClass;
  readonly testPerClass: PerClass;
  /** Which images are drawn; the same seed, data and request always give the same subset. */
  readonly seed: number;
}

export const DEFAULT_SUBSET_REQUEST: SubsetRequest = {
  classes: { kind: 'all' },
  trainPerClass: 'all',
  testPerClass: 'all',
  seed: 0,
};

/** One split of a subset, packed: contiguous pixels, labels numbered 0..K-1 in subset order. */
export interface SubsetSplit {
  readonly count: number;
  /** Subset class of each image (index into CifarSubset.classNames). */
  readonly labels: Uint8Array;
  /** CIFAR-100 only: the superclass of each image. */
  readonly coarseLabels: Uint8Array | null;
  /** count x 3072 bytes, same layout as the official records. */
  readonly pixels: Uint8Array;
  /** Where each image is in the loaded split (record number, counting batches in order). */
  readonly sourceIndex: Int32Array;
}

export interface CifarSubset {
  readonly format: CifarFormat;
  /** Names of the subset classes, in subset order. */
  readonly classNames: readonly string[];
  /** The dataset label of each subset class. */
  readonly sourceClasses: readonly number[];
  readonly train: SubsetSplit;
  readonly test: SubsetSplit;
  readonly request: SubsetRequest;
}

/**
 * Draws a class-balanced subset: for every chosen class, `perClass` images picked at random (from
 * a generator seeded by the seed, the split and the class, so a class's images do not change when
 * other classes are added or reordered). Images keep the order they have in the files.
 * Throws SelectionError when the selection is empty or a class has too few images.
 */
export function makeSubset(dataset: CifarDataset, request: SubsetRequest): CifarSubset {
  if (!Number.isInteger(request.seed) || request.seed < 0 || request.seed > 0xffffffff) {
    throw new SelectionError(
      `the seed must be a whole number from 0 to 4294967295, got ${request.seed}`,
    );
  }
  if (countOf(dataset.train) === 0) {
    throw new SelectionError('the selection is empty: no training images are loaded');
  }
  const classes = resolveClasses(request.classes, dataset);
  const subsetLabel = new Int16Array(dataset.classNames.length).fill(-1);
  classes.forEach((c, k) => {
    subsetLabel[c] = k;
  });
  const coarse = dataset.format === 'cifar100' ? superclassOf(dataset) : null;
  const names = classes.map((c) => dataset.classNames[c]);
  const take = (split: SplitName, perClass: PerClass) =>
    pick(
      split === 'train' ? dataset.train : dataset.test,
      split,
      perClass,
      request.seed,
      classes,
      subsetLabel,
      names,
    );
  const train = take('train', request.trainPerClass);
  const test =
    countOf(dataset.test) > 0 ? take('test', request.testPerClass) : emptySplit(coarse !== null);
  return {
    format: dataset.format,
    classNames: names,
    sourceClasses: classes,
    train,
    test,
    request,
  };
}

function pick(
  batches: readonly CifarBatch[],
  split: SplitName,
  perClass: PerClass,
  seed: number,
  classes: readonly number[],
  subsetLabel: Int16Array,
  names: readonly string[],
): SubsetSplit {
  const what = split === 'train' ? 'training' : 'test';
  if (perClass !== 'all' && (!Number.isInteger(perClass) || perClass < 0)) {
    throw new SelectionError(`images a class must be a whole number or "all", got ${perClass}`);
  }
  if (perClass === 0) {
    if (split === 'train')
      throw new SelectionError('the selection is empty: 0 training images a class');
    return emptySplit(batches[0]?.coarseLabels != null);
  }
  // Record numbers of each chosen class, in file order.
  const counts = classCounts(batches, subsetLabel.length);
  const members = classes.map((c) => new Int32Array(counts[c]));
  const fill = new Int32Array(classes.length);
  forEachRecord(batches, (b, i, k) => {
    const s = subsetLabel[b.labels[i]];
    if (s >= 0) members[s][fill[s]++] = k;
  });
  const total = countOf(batches);
  const chosen = new Uint8Array(total);
  classes.forEach((c, s) => {
    const pool = members[s];
    const want = perClass === 'all' ? pool.length : perClass;
    if (pool.length === 0)
      throw new SelectionError(`the class "${names[s]}" has no ${what} images`);
    if (want > pool.length) {
      throw new SelectionError(
        `the class "${names[s]}" has only ${pool.length} ${what} images, but ${want} a class were asked for`,
      );
    }
    const random = createRandom(seed * 512 + c * 2 + (split === 'test' ? 1 : 0));
    // Partial Fisher-Yates: the first `want` entries become a uniform random choice.
    for (let i = 0; i < want; i++) {
      const j = i + random.int(pool.length - i);
      const t = pool[i];
      pool[i] = pool[j];
      pool[j] = t;
      chosen[pool[i]] = 1;
    }
  });

  let count = 0;
  for (const x of chosen) count += x;
  const withCoarse = batches[0]?.coarseLabels != null;
  // Every image, in file order: the subset's pixels are the split's own (not copied) where they
  // lie in one buffer. Nothing writes to a subset's pixels, and sending them to a worker copies.
  const shared = count === total ? contiguousPixels(batches) : null;
  const out = allocate(count, withCoarse, shared);
  let n = 0;
  forEachRecord(batches, (b, i, k) => {
    if (!chosen[k]) return;
    out.labels[n] = subsetLabel[b.labels[i]];
    if (out.coarseLabels && b.coarseLabels) out.coarseLabels[n] = b.coarseLabels[i];
    if (!shared) {
      out.pixels.set(
        b.pixels.subarray(i * PIXELS_PER_IMAGE, (i + 1) * PIXELS_PER_IMAGE),
        n * PIXELS_PER_IMAGE,
      );
    }
    out.sourceIndex[n] = k;
    n++;
  });
  return out;
}

function allocate(
  count: number,
  withCoarse: boolean,
  pixels: Uint8Array | null = null,
): SubsetSplit {
  return {
    count,
    labels: new Uint8Array(count),
    coarseLabels: withCoarse ? new Uint8Array(count) : null,
    pixels: pixels ?? new Uint8Array(count * PIXELS_PER_IMAGE),
    sourceIndex: new Int32Array(count),
  };
}

function emptySplit(withCoarse: boolean): SubsetSplit {
  return allocate(0, withCoarse);
}

/** Images of each subset class in a split (index = subset label). */
export function subsetCounts(split: SubsetSplit, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const label of split.labels) counts[label]++;
  return counts;
}

/** Every typed array a subset holds. */
export function subsetArrays(subset: CifarSubset): ArrayBufferView[] {
  const out: ArrayBufferView[] = [];
  for (const s of [subset.train, subset.test]) {
    out.push(s.labels, s.pixels, s.sourceIndex);
    if (s.coarseLabels) out.push(s.coarseLabels);
  }
  return out;
}
