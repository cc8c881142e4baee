import { open, rename, rm, stat } from 'node:fs/promises';
import { md5File } from './md5.ts';

/** The server could not be reached at all (no network, DNS failure, refused, timed out). */
export class NetworkError extends Error {
  constructor(
    readonly host: string,
    readonly reason: string,
  ) {
    super(`cannot reach ${host} (${reason})`);
    this.name = 'NetworkError';
  }
}

/** The download went wrong in a way worth telling (bad size, bad md5, HTTP error, cut off). */
export class DownloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DownloadError';
  }
}

export interface DownloadSpec {
  readonly url: string;
  /** Final path; bytes arrive in `<dest>.part` first, which a later run resumes. */
  readonly dest: string;
  readonly bytes: number;
  readonly md5: string;
  /** How long to wait for the server to answer, and for each next chunk. */
  readonly timeoutMs: number;
  /** Attempts in this run when the connection drops part-way (each resumes where it stopped). */
  readonly attempts?: number;
  readonly onProgress?: (got: number, total: number) => void;
  readonly log?: (line: string) => void;
  readonly fetch?: typeof fetch;
}

/**
 * Downloads `url` to `dest`, checking size and md5. A partial `.part` file is resumed with an
 * HTTP Range request; if the server does not resume (200 instead of 206, or a wrong range), the
 * download restarts from zero. A file that fails its md5 is deleted. Returns whether the file was
 * already there and good.
 */
export async function download(spec: DownloadSpec): Promise<'cached' | 'downloaded'> {
  const log = spec.log ?? (() => {});
  const existing = await sizeOf(spec.dest);
  if (existing !== null) {
    if (existing === spec.bytes && (await md5File(spec.dest)) === spec.md5) return 'cached';
    log(`${spec.dest} is not the expected file (size or md5 differs): downloading it again`);
    await rm(spec.dest, { force: true });
  }
  const part = `${spec.dest}.part`;
  const attempts = spec.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    const before = (await sizeOf(part)) ?? 0;
    try {
      await fetchInto(spec, part, log);
      break;
    } catch (e) {
      const after = (await sizeOf(part)) ?? 0;
      const progressed = after > before;
      if (e instanceof NetworkError && !progressed) throw e;
      if (!(e instanceof DownloadError && progressed) || attempt >= attempts) throw e;
      log(`${e.message}; resuming (attempt ${attempt + 1} of ${attempts})`);
    }
  }
  const size = (await sizeOf(part)) ?? 0;
  if (size > spec.bytes) {
    await rm(part, { force: true });
    throw new DownloadError(
      `the download has ${size} bytes, more than the official ${spec.bytes}: deleted it, run again`,
    );
  }
  const md5 = await md5File(part);
  if (md5 !== spec.md5) {
    await rm(part, { force: true });
    throw new DownloadError(
      `the download's md5 is ${md5}, but the official file's is ${spec.md5}: it is damaged, so it was deleted; run again`,
    );
  }
  await rename(part, spec.dest);
  return 'downloaded';
}

async function sizeOf(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch {
    return null;
  }
}

/** One HTTP request: resume `part` if it has bytes, else start it; throws on any failure. */
async function fetchInto(
  spec: DownloadSpec,
  part: string,
  log: (line: string) => void,
): Promise<void> {
  let start = (await sizeOf(part)) ?? 0;
  if (start >= spec.bytes) {
    if (start === spec.bytes) return; // complete: the md5 check decides
    await rm(part, { force: true });
    start = 0;
  }
  let response = await request(spec, start);
  if (start > 0 && response.status === 416) {
    await response.body?.cancel();
    log('the server cannot resume this download: starting again');
    await rm(part, { force: true });
    start = 0;
    response = await request(spec, 0);
  }
  let append = false;
  if (response.status === 206 && start > 0) {
    const range = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(response.headers.get('content-range') ?? '');
    if (range && Number(range[1]) === start) append = true;
    else {
      await response.body?.cancel();
      log('the server sent a different part than asked for: starting again');
      await rm(part, { force: true });
      start = 0;
      response = await request(spec, 0);
    }
  } else if (response.status === 200 && start > 0) {
    log('the server does not resume downloads: starting again');
    start = 0;
  }
  if (response.status !== 200 && response.status !== 206) {
    await response.body?.cancel();
    throw new DownloadError(
      `the server answered HTTP ${response.status} ${response.statusText} for ${spec.url}`,
    );
  }
  const length = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(length) && start + length !== spec.bytes) {
    await response.body?.cancel();
    throw new DownloadError(
      `the server offers ${start + length} bytes, but the official file has ${spec.bytes}: refusing it`,
    );
  }
  if (!response.body) throw new DownloadError('the server sent no data');

  // Each chunk is on disk before the next is read, so whatever arrived survives a drop.
  let got = start;
  const file = await open(part, append ? 'a' : 'w');
  const reader = response.body.getReader();
  try {
    for (;;) {
      const next = await readWithin(reader, spec.timeoutMs);
      if (next === 'timeout') {
        await reader.cancel().catch(() => {});
        throw new DownloadError(
          `the download stopped after ${got} of ${spec.bytes} bytes (no data for ${spec.timeoutMs / 1000} s)`,
        );
      }
      if (next.done) break;
      await file.write(next.value);
      got += next.value.length;
      spec.onProgress?.(got, spec.bytes);
    }
  } catch (e) {
    if (e instanceof DownloadError) throw e;
    throw new DownloadError(
      `the download stopped after ${got} of ${spec.bytes} bytes (${(e as Error).message})`,
    );
  } finally {
    await file.close();
  }
  if (got < spec.bytes) {
    throw new DownloadError(`the connection closed after ${got} of ${spec.bytes} bytes`);
  }
}

function readWithin(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  ms: number,
): Promise<ReadableStreamReadResult<Uint8Array> | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  return Promise.race([reader.read(), timeout]).finally(() => clearTimeout(timer));
}

async function request(spec: DownloadSpec, start: number): Promise<Response> {
  const host = new URL(spec.url).host;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), spec.timeoutMs);
  try {
    return await (spec.fetch ?? fetch)(spec.url, {
      headers: start > 0 ? { Range: `bytes=${start}-` } : {},
      signal: controller.signal,
      redirect: 'follow',
    });
  } catch (e) {
    if (controller.signal.aborted)
      throw new NetworkError(host, `no answer within ${spec.timeoutMs / 1000} s`);
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    throw new NetworkError(host, cause?.code ?? cause?.message ?? (e as Error).message);
  } finally {
    clearTimeout(timer);
  }
}
