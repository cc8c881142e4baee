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

/** Every typed array a dataset holds (labels, superclass labels, pixels of each batch). */
export function datasetArrays(dataset: CifarDataset): ArrayBufferView[] {
  const out: ArrayBufferView[] = [];
  for (const b of [...dataset.train, ...dataset.test]) {
    out.push(b.labels, b.pixels);
    if (b.coarseLabels) out.push(b.coarseLabels);
  }
  return out;
}

/**
 * Memory held by some typed arrays: each distinct buffer once, whole (a subset that shares the
 * dataset's pixels costs nothing more; a view keeps its whole buffer alive).
 */
export function bytesHeld(arrays: readonly ArrayBufferView[]): number {
  const seen = new Set<ArrayBufferLike>();
  let n = 0;
  for (const a of arrays) {
    if (seen.has(a.buffer)) continue;
    seen.add(a.buffer);
    n += a.buffer.byteLength;
  }
  return n;
}

/**
 * The same dataset with each split's pixels in one buffer, the batches views into it in order
 * (run in the loader's worker, where the copy costs the page nothing). A subset of every image of
 * a split can then be a view of that buffer instead of a copy: for the official CIFAR-10 archive
 * that copy was 150 MB of fresh memory, 1.2-1.8 s of a frozen page on a slow machine.
 */
export function withContiguousPixels(dataset: CifarDataset): CifarDataset {
  return { ...dataset, train: packed(dataset.train), test: packed(dataset.test) };
}

function packed(batches: readonly CifarBatch[]): readonly CifarBatch[] {
  if (batches.length < 2 || contiguousPixels(batches)) return batches;
  let total = 0;
  for (const b of batches) total += b.pixels.byteLength;
  const all = new Uint8Array(total);
  let at = 0;
  return batches.map((b) => {
    all.set(b.pixels, at);
    const pixels = all.subarray(at, at + b.pixels.byteLength);
    at += b.pixels.byteLength;
    return { ...b, pixels };
  });
}

/**
 * The pixels of every record of a split as one view, when the batches lie end to end in one
 * buffer (withContiguousPixels, or a single batch); null otherwise.
 */
export function contiguousPixels(batches: readonly CifarBatch[]): Uint8Array | null {
  if (batches.length === 0) return null;
  const first = batches[0].pixels;
  let end = first.byteOffset + first.byteLength;
  for (let k = 1; k < batches.length; k++) {
    const p = batches[k].pixels;
    if (p.buffer !== first.buffer || p.byteOffset !== end) return null;
    end += p.byteLength;
  }
  return new Uint8Array(first.buffer, first.byteOffset, end - first.byteOffset);
}

/** The typed-array buffers of a dataset, each once: to transfer it from a worker without a copy. */
export function transferables(dataset: CifarDataset): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const a of datasetArrays(dataset)) if (a.buffer instanceof ArrayBuffer) out.add(a.buffer);
  return [...out];
}
