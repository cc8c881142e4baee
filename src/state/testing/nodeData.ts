// Test support (Node only): a loader that runs loads in this thread, and a small CIFAR-10 archive
// (10 training and 3 test images a class), for tests of the data store and of the link.
import { gzipSync } from 'node:zlib';
import { parseClassSpec } from '../../data/classSpec.ts';
import { defaultNames } from '../../data/labelNames.ts';
import { makeSubset } from '../../data/subset.ts';
import { buildManifest, encodeRecords, SUBSET_FILES } from '../../data/subsetFile.ts';
import { syntheticDataset } from '../../data/testing/synthetic.ts';
import { makeRecords, makeTar } from '../../data/testing/tarBuilder.ts';
import type { CifarLoader, LoadOutcome } from '../../jobs/cifarLoaderClient.ts';
import { outcomeOf } from '../../jobs/cifarLoaderClient.ts';
import { runLoaderJob } from '../../jobs/cifarLoaderHost.ts';

/** Runs loads in this thread (the app runs the same job in a worker). */
export const nodeLoader: CifarLoader = (request, onProgress) => {
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

/** Labels 0..9 over and over, from `offset`. */
export const cycledLabels = (n: number, offset = 0) =>
  Array.from({ length: n }, (_, i) => (i + offset) % 10);

const members = [1, 2, 3, 4, 5].map((i) => `data_batch_${i}.bin`);

/** CIFAR-10 in the official layout: 5 batches of 20 images (100, 10 a class) and 30 test images. */
export const cifar10Archive = new File(
  [
    gzipSync(
      makeTar([
        ...members.map((m, i) => ({
          name: `cifar-10-batches-bin/${m}`,
          data: makeRecords(cycledLabels(20, i), 'cifar10'),
        })),
        {
          name: 'cifar-10-batches-bin/test_batch.bin',
          data: makeRecords(cycledLabels(30), 'cifar10'),
        },
        // With the names file the load has no warning, so a test sees only its own notes.
        {
          name: 'cifar-10-batches-bin/batches.meta.txt',
          data: new TextEncoder().encode(`${defaultNames('cifar10').join('\n')}\n`),
        },
      ]),
    ),
  ],
  'cifar-10-binary.tar.gz',
);

/** CIFAR-100 files by their official names: 2 training and 1 test image of each of 100 classes. */
export function cifar100Files(): { train: File; test: File } {
  const labels = (copies: number) => Array.from({ length: 100 * copies }, (_, i) => i % 100);
  return {
    train: new File([makeRecords(labels(2), 'cifar100')], 'train.bin'),
    test: new File([makeRecords(labels(1), 'cifar100')], 'test.bin'),
  };
}

/**
 * A fetch that serves a stored subset (what `npm run data` writes to public/data/): CIFAR-10's
 * ship, cat and dog, 6 training and 2 test images each, so the store's subset fields after loading
 * it are that subset's own request, not the defaults.
 */
export function storedSubsetFetch(): typeof fetch {
  const dataset = syntheticDataset('cifar10', 6, 2);
  const subset = makeSubset(dataset, {
    classes: parseClassSpec('ship,cat,dog'),
    trainPerClass: 'all',
    testPerClass: 'all',
    seed: 0,
  });
  const manifest = buildManifest(subset, dataset, { files: ['synthetic'] }, '2026-01-01T00:00Z');
  const files: Record<string, Uint8Array | string> = {
    [SUBSET_FILES.manifest]: JSON.stringify(manifest),
    [SUBSET_FILES.train]: encodeRecords(subset, subset.train),
    [SUBSET_FILES.test]: encodeRecords(subset, subset.test),
  };
  return (async (url: string | URL) => {
    const body = files[String(url).split('/').pop() ?? ''];
    if (body === undefined) return new Response('not found', { status: 404 });
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : Uint8Array.from(body);
    return new Response(bytes, { headers: { 'content-length': String(bytes.length) } });
  }) as typeof fetch;
}
