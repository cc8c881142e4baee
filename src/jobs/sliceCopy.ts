/**
 * Images for a worker, copied without freezing the page. postMessage copies what it is given in
 * one go on the page's thread: the 60,000 images of the official CIFAR-10 archive (184 MB) froze
 * the page for 2.3 s on a slow machine. Above COPY_IN_SLICES_ABOVE bytes the copy is made a slice
 * per task instead, and transferred; the page keeps its own images (the data panel shows them,
 * and the next run sends them again).
 */
export const COPY_IN_SLICES_ABOVE = 16 << 20;
const SLICE_BYTES = 2 << 20;

/** What a student reads when the copy itself fails (a large subset on a device short of memory). */
export function copyFailure(e: unknown): string {
  const why = e instanceof Error ? e.message : String(e);
  return `the images could not be copied for training (${why}): choose fewer classes or fewer images a class`;
}

/** Whether a run's training and test images together are large enough to go in slices. */
export function copiedInSlices(
  train: { readonly pixels: Uint8Array },
  test: { readonly pixels: Uint8Array },
): boolean {
  return train.pixels.byteLength + test.pixels.byteLength > COPY_IN_SLICES_ABOVE;
}

/**
 * A copy of `pixels` made a slice per task, so the page keeps answering meanwhile; null as soon
 * as `wanted` says the run was stopped or replaced (the rest is not copied for nothing).
 */
export async function copyInSlices(
  pixels: Uint8Array,
  wanted: () => boolean,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const copy = new Uint8Array(pixels.length);
  for (let at = 0; at < pixels.length; at += SLICE_BYTES) {
    copy.set(pixels.subarray(at, at + SLICE_BYTES), at);
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (!wanted()) return null;
  }
  return copy;
}

/**
 * Training and test images as a worker needs them: copies made in slices, to transfer; null
 * when `wanted` turns false before they are done.
 */
export async function splitsForWorker<S extends { readonly pixels: Uint8Array }>(
  train: S,
  test: S,
  wanted: () => boolean,
): Promise<{ train: S; test: S; transfer: ArrayBuffer[] } | null> {
  const trainPixels = await copyInSlices(train.pixels, wanted);
  const testPixels = trainPixels && (await copyInSlices(test.pixels, wanted));
  if (!trainPixels || !testPixels) return null;
  return {
    train: { ...train, pixels: trainPixels },
    test: { ...test, pixels: testPixels },
    transfer: [trainPixels.buffer, testPixels.buffer],
  };
}
