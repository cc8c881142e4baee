import { type CifarFormat, PIXELS_PER_IMAGE } from './formats.ts';

/** The records of one file (or archive member), in file order. Each array has its own buffer. */
export interface CifarBatch {
  /** Where it came from: `data_batch_1.bin`, or `cifar-10-binary.tar.gz › data_batch_1.bin`. */
  readonly source: string;
  readonly count: number;
  /** The label of each record (CIFAR-100: the fine label). */
  readonly labels: Uint8Array;
  /** CIFAR-100 only: the coarse label (superclass) of each record. */
  readonly coarseLabels: Uint8Array | null;
  /** count x 3072 bytes; each image is 1024 red, 1024 green, 1024 blue bytes, row-major 32x32. */
  readonly pixels: Uint8Array;
}

/** What was loaded: a training set, a test set (either may be empty), and the class names. */
export interface CifarDataset {
  readonly format: CifarFormat;
  /** Class names in label order (CIFAR-100: the 100 fine classes, alphabetical as published). */
  readonly classNames: readonly string[];
  /** CIFAR-100 superclass names in coarse-label order; null for CIFAR-10. */
  readonly coarseNames: readonly string[] | null;
  readonly train: readonly CifarBatch[];
  readonly test: readonly CifarBatch[];
  /** The files it was read from. */
  readonly sources: readonly string[];
  /** Things worth telling the user that did not stop the load (skipped archive members, ...). */
  readonly warnings: readonly string[];
}

export type SplitName = 'train' | 'test';

export function countOf(batches: readonly CifarBatch[]): number {
  let n = 0;
  for (const b of batches) n += b.count;
  return n;
}

/** How many records of each class there are (index = label). */
export function classCounts(batches: readonly CifarBatch[], classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const b of batches) for (const label of b.labels) counts[label]++;
  return counts;
}

/** Calls `visit(batch, indexInBatch, indexInSplit)` for every record, in split order. */
export function forEachRecord(
  batches: readonly CifarBatch[],
  visit: (batch: CifarBatch, index: number, splitIndex: number) => void,
): void {
  let k = 0;
  for (const b of batches) for (let i = 0; i < b.count; i++) visit(b, i, k++);
}

/** The batch and index inside it for record `splitIndex` of a split. */
export function locate(
  batches: readonly CifarBatch[],
  splitIndex: number,
): { batch: CifarBatch; index: number } {
  let k = splitIndex;
  for (const batch of batches) {
    if (k < batch.count) return { batch, index: k };
    k -= batch.count;
  }
  throw new RangeError(`record ${splitIndex} is past the end of the split`);
}

/** The 3072 pixel bytes of record `index` of a batch (a view, not a copy). */
export function imagePixels(pixels: Uint8Array, index: number): Uint8Array {
  return pixels.subarray(index * PIXELS_PER_IMAGE, (index + 1) * PIXELS_PER_IMAGE);
}

/** Bytes held by the typed arrays of some batches. */
export function batchBytes(batches: readonly CifarBatch[]): number {
  let n = 0;
  for (const b of batches)
    n += b.labels.byteLength + b.pixels.byteLength + (b.coarseLabels?.byteLength ?? 0);
  return n;
}

export function datasetBytes(dataset: CifarDataset): number {
  return batchBytes(dataset.train) + batchBytes(dataset.test);
}

/** The typed-array buffers of a dataset, to transfer it from a worker without copying. */
export function transferables(dataset: CifarDataset): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const b of [...dataset.train, ...dataset.test]) {
    for (const a of [b.labels, b.coarseLabels, b.pixels]) {
      if (a && a.buffer instanceof ArrayBuffer && !out.includes(a.buffer)) out.push(a.buffer);
    }
  }
  return out;
}
