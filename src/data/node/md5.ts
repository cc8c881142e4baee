import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** The md5 of a file, streamed (hex, lower case). */
export async function md5File(path: string): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }))
    hash.update(chunk as Buffer);
  return hash.digest('hex');
}
