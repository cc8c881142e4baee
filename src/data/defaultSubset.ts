import type { CifarDataset } from './dataset.ts';
import { DataError, DataProblem, formatCount, inFile } from './errors.ts';
import type { LoadOptions } from './load.ts';
import { readBin } from './readBin.ts';
import type { ByteSource } from './source.ts';
import type { SubsetRequest } from './subset.ts';
import { parseManifest, SUBSET_FILES, type SubsetManifest } from './subsetFile.ts';

/** Where the app looks for the subset that `npm run data` writes (public/data/ in the repository). */
export const DEFAULT_SUBSET_DIR = 'data/';

export interface DefaultSubset {
  readonly dataset: CifarDataset;
  /** The request that gives back exactly the stored subset (its classes in their stored order). */
  readonly request: SubsetRequest;
  readonly manifest: SubsetManifest;
}

type Fetch = (url: string, init?: { signal?: AbortSignal }) => Promise<Response>;

/**
 * Loads the stored subset from `<baseUrl>data/`. Returns null when there is none (no manifest, or
 * the server answered with something that is not one, e.g. the app's index.html); throws a
 * DataError when a manifest is there but the subset is broken.
 */
export async function loadDefaultSubset(
  baseUrl: string,
  options: LoadOptions & { readonly fetch?: Fetch } = {},
): Promise<DefaultSubset | null> {
  const get: Fetch = options.fetch ?? ((url, init) => fetch(url, init));
  const dir = new URL(DEFAULT_SUBSET_DIR, baseUrl);
  const manifestName = `${DEFAULT_SUBSET_DIR}${SUBSET_FILES.manifest}`;
  let response: Response;
  try {
    response = await get(new URL(SUBSET_FILES.manifest, dir).href, { signal: options.signal });
  } catch {
    return null;
  }
  if (!response.ok) return null;
  const text = await response.text();
  if (text.trimStart().startsWith('<')) return null; // an HTML fallback page, not a manifest
  let manifest: SubsetManifest;
  try {
    manifest = parseManifest(JSON.parse(text));
  } catch (e) {
    if (e instanceof SyntaxError)
      throw new DataError(manifestName, 'is not valid JSON: run `npm run data` again');
    throw inFile(manifestName, e);
  }

  const total = manifest.files.train.bytes + manifest.files.test.bytes;
  let loaded = 0;
  const read = async (split: 'train' | 'test') => {
    const entry = manifest.files[split];
    const name = `${DEFAULT_SUBSET_DIR}${entry.file}`;
    if (entry.records === 0) return [];
    const res = await get(new URL(entry.file, dir).href, { signal: options.signal });
    if (!res.ok || !res.body)
      throw new DataError(
        name,
        `could not be fetched (HTTP ${res.status}): run \`npm run data\` again`,
      );
    const length = Number(res.headers.get('content-length') ?? entry.bytes);
    if (length !== entry.bytes) {
      throw new DataError(
        name,
        `is ${formatCount(length)} bytes, but the manifest says ${formatCount(entry.bytes)}: run \`npm run data\` again`,
      );
    }
    const body = res.body;
    const source: ByteSource = { name, size: entry.bytes, stream: () => body };
    const batch = await readBin(source, manifest.dataset, {
      signal: options.signal,
      onBytes: (n) => {
        loaded += n;
        options.onProgress?.({ loaded, total, file: name });
      },
    });
    const wanted = new Set(manifest.classes);
    const stray = batch.labels.findIndex((l) => !wanted.has(l));
    if (stray >= 0) {
      throw inFile(
        name,
        new DataProblem(
          `has an image of class ${batch.labels[stray]}, which the manifest does not list`,
        ),
      );
    }
    return [batch];
  };
  const train = await read('train');
  const test = await read('test');
  const dataset: CifarDataset = {
    format: manifest.dataset,
    classNames: manifest.classNames,
    coarseNames: manifest.coarseNames,
    train,
    test,
    sources: [manifestName],
    warnings: [],
  };
  const request: SubsetRequest = {
    classes: { kind: 'names', names: manifest.classes.map((c) => manifest.classNames[c]) },
    trainPerClass: 'all',
    testPerClass: 'all',
    seed: manifest.selection.seed,
  };
  return { dataset, request, manifest };
}
