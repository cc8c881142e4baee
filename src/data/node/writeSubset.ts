import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CifarSubset } from '../subset.ts';
import { encodeRecords, SUBSET_FILES, type SubsetManifest } from '../subsetFile.ts';

/**
 * Writes a subset into `outDir` under its three fixed names (and nothing else: no name that comes
 * from an archive or from the user ever becomes a path). The manifest goes last, so a folder with
 * a manifest always holds a complete subset. Returns the paths written.
 */
export async function writeSubset(
  outDir: string,
  subset: CifarSubset,
  manifest: SubsetManifest,
): Promise<string[]> {
  const dir = resolve(outDir);
  await mkdir(dir, { recursive: true });
  const manifestPath = join(dir, SUBSET_FILES.manifest);
  await rm(manifestPath, { force: true });
  const written: string[] = [];
  const put = async (name: string, data: Uint8Array | string) => {
    const path = join(dir, name);
    const temp = join(dir, `.${name}.tmp`);
    await writeFile(temp, data);
    await rename(temp, path);
    written.push(path);
  };
  await put(SUBSET_FILES.train, encodeRecords(subset, subset.train));
  await put(SUBSET_FILES.test, encodeRecords(subset, subset.test));
  await put(SUBSET_FILES.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
  return written;
}
