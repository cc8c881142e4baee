import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseClassSpec } from './classSpec.ts';
import { loadDefaultSubset } from './defaultSubset.ts';
import { DataError } from './errors.ts';
import { loadCifar } from './load.ts';
import { fileSource } from './node/readFile.ts';
import { writeSubset } from './node/writeSubset.ts';
import { makeSubset } from './subset.ts';
import { buildManifest, encodeRecords, parseManifest, SUBSET_FILES } from './subsetFile.ts';
import { syntheticDataset } from './testing/synthetic.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cifar-subset-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A fetch that serves files from `root` (404 when absent), like a static server. */
function fetchFrom(root: string): (url: string) => Promise<Response> {
  return async (url) => {
    const path = new URL(url).pathname;
    try {
      const body = readFileSync(join(root, path));
      return new Response(body, {
        status: 200,
        headers: { 'content-length': String(body.length) },
      });
    } catch {
      return new Response('not found', { status: 404 });
    }
  };
}

describe('the stored subset', () => {
  const dataset = syntheticDataset('cifar100', 6, 3);
  const subset = makeSubset(dataset, {
    classes: parseClassSpec('tractor,apple'),
    trainPerClass: 4,
    testPerClass: 2,
    seed: 3,
  });
  const manifest = buildManifest(
    subset,
    dataset,
    { files: ['synthetic'] },
    '2026-01-01T00:00:00.000Z',
  );

  it('stores records in the official layout, with the dataset labels', async () => {
    const bytes = encodeRecords(subset, subset.train);
    expect(bytes.length).toBe(8 * 3074);
    const path = join(dir, 'train.bin');
    writeFileSync(path, bytes);
    const read = await loadCifar({ train: [await fileSource(path)] });
    expect(read.format).toBe('cifar100');
    expect([...read.train[0].labels]).toEqual(
      [...subset.train.labels].map((l) => subset.sourceClasses[l]),
    );
    expect([...(read.train[0].coarseLabels ?? [])]).toEqual([...(subset.train.coarseLabels ?? [])]);
    expect(Buffer.from(read.train[0].pixels).equals(Buffer.from(subset.train.pixels))).toBe(true);
  });

  it('writes only its three fixed files, manifest last', async () => {
    const out = join(dir, 'public', 'data');
    const written = await writeSubset(out, subset, manifest);
    expect(written.map((p) => p.slice(out.length + 1))).toEqual([
      SUBSET_FILES.train,
      SUBSET_FILES.test,
      SUBSET_FILES.manifest,
    ]);
    expect(readdirSync(out).sort()).toEqual([
      'manifest.json',
      'subset-test.bin',
      'subset-train.bin',
    ]);
    const json = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(parseManifest(json)).toEqual(manifest);
    expect(json.classes).toEqual([89, 0]); // tractor, apple
    expect(json.files.train).toEqual({
      file: 'subset-train.bin',
      records: 8,
      bytes: 8 * 3074,
      perClass: [4, 4],
    });
  });

  it('loads back into the same subset, classes in the stored order', async () => {
    const found = await loadDefaultSubset('http://app.test/', {
      fetch: fetchFrom(join(dir, 'public')),
    });
    if (!found) throw new Error('the stored subset was not found');
    const again = makeSubset(found.dataset, found.request);
    expect(again.classNames).toEqual(['tractor', 'apple']);
    expect([...again.train.labels]).toEqual([...subset.train.labels]);
    expect(Buffer.from(again.train.pixels).equals(Buffer.from(subset.train.pixels))).toBe(true);
    expect(Buffer.from(again.test.pixels).equals(Buffer.from(subset.test.pixels))).toBe(true);
  });

  it('is absent when there is no manifest, or the server answers with a page', async () => {
    expect(
      await loadDefaultSubset('http://app.test/', { fetch: fetchFrom(join(dir, 'nowhere')) }),
    ).toBeNull();
    const html = async () => new Response('<!doctype html><title>app</title>', { status: 200 });
    expect(await loadDefaultSubset('http://app.test/', { fetch: html })).toBeNull();
    const offline = async () => {
      throw new TypeError('fetch failed');
    };
    expect(await loadDefaultSubset('http://app.test/', { fetch: offline })).toBeNull();
  });

  it('says what is wrong with a broken stored subset', async () => {
    const root = join(dir, 'broken');
    await writeSubset(join(root, 'data'), subset, manifest);
    writeFileSync(join(root, 'data', 'subset-test.bin'), new Uint8Array(10));
    const load = loadDefaultSubset('http://app.test/', { fetch: fetchFrom(root) });
    await expect(load).rejects.toThrow(DataError);
    await expect(load).rejects.toThrow(
      /data\/subset-test\.bin is 10 bytes, but the manifest says 12,296: run `npm run data` again/,
    );
    writeFileSync(join(root, 'data', 'manifest.json'), '{"format": "something else"}');
    await expect(loadDefaultSubset('http://app.test/', { fetch: fetchFrom(root) })).rejects.toThrow(
      /data\/manifest\.json is not a valid subset manifest/,
    );
    writeFileSync(join(root, 'data', 'manifest.json'), '{ not json');
    await expect(loadDefaultSubset('http://app.test/', { fetch: fetchFrom(root) })).rejects.toThrow(
      /is not valid JSON/,
    );
  });

  it('refuses manifests that point at other files or do not add up', () => {
    const bad = (patch: object) => () => parseManifest({ ...manifest, ...patch });
    expect(
      bad({
        files: { ...manifest.files, train: { ...manifest.files.train, file: '../../etc/passwd' } },
      }),
    ).toThrow(/must be subset-train\.bin/);
    expect(bad({ classes: [0, 0] })).toThrow(/distinct labels/);
    expect(bad({ classes: [100] })).toThrow(/distinct labels/);
    expect(bad({ dataset: 'mnist' })).toThrow(/neither cifar10 nor cifar100/);
    expect(bad({ version: 2 })).toThrow(/version 2/);
  });
});
