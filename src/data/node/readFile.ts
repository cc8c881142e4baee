import { openAsBlob } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { DataError } from '../errors.ts';
import type { ByteSource } from '../source.ts';

/** A file on disk as a ByteSource (Node only): streamed, never read whole into memory. */
export async function fileSource(path: string): Promise<ByteSource> {
  let blob: Blob;
  try {
    if ((await stat(path)).isDirectory()) throw new DataError(path, 'is a folder, not a file');
    blob = await openAsBlob(path);
  } catch (e) {
    if (e instanceof DataError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DataError(path, 'does not exist');
    throw new DataError(path, `cannot be opened (${(e as Error).message})`);
  }
  return {
    name: basename(path),
    size: blob.size,
    stream: () => blob.stream() as ReadableStream<Uint8Array>,
  };
}
