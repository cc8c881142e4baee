import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DownloadError, download, NetworkError } from './download.ts';

const payload = randomBytes(300_000);
const md5 = createHash('md5').update(payload).digest('hex');

type Mode = 'good' | 'drop-first' | 'no-range' | 'corrupt' | 'stall';
let mode: Mode = 'good';
let requests: { range: string | undefined }[] = [];
let server: Server;
let url: string;
let dir: string;
let dest: string;

function handle(req: IncomingMessage, res: ServerResponse) {
  const range = req.headers.range;
  requests.push({ range });
  if (mode === 'stall') {
    res.writeHead(200, { 'content-length': payload.length });
    res.write(payload.subarray(0, 1000)); // then nothing
    return;
  }
  const m = /^bytes=(\d+)-$/.exec(range ?? '');
  const start = m && mode !== 'no-range' ? Number(m[1]) : 0;
  const body = Buffer.from(payload.subarray(start));
  if (mode === 'corrupt') body[body.length - 1] ^= 1;
  res.writeHead(start > 0 ? 206 : 200, {
    'content-length': body.length,
    ...(start > 0
      ? { 'content-range': `bytes ${start}-${payload.length - 1}/${payload.length}` }
      : {}),
  });
  if (mode === 'drop-first' && requests.length === 1) {
    res.write(body.subarray(0, 120_000), () => res.socket?.destroy());
    return;
  }
  res.end(body);
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cifar-10-binary.tar.gz`;
  dir = mkdtempSync(join(tmpdir(), 'cifar-dl-'));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  if (dir) rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  mode = 'good';
  requests = [];
  dest = join(dir, `file-${Math.random().toString(36).slice(2)}.tar.gz`);
});

const spec = (patch: Partial<Parameters<typeof download>[0]> = {}) => ({
  url,
  dest,
  bytes: payload.length,
  md5,
  timeoutMs: 2000,
  ...patch,
});

describe('download', () => {
  it('downloads, checks size and md5, and then finds the file cached', async () => {
    expect(await download(spec())).toBe('downloaded');
    expect(readFileSync(dest).equals(payload)).toBe(true);
    expect(existsSync(`${dest}.part`)).toBe(false);
    expect(await download(spec())).toBe('cached');
    expect(requests).toHaveLength(1);
  });

  it('resumes with an HTTP Range request when the connection drops', async () => {
    mode = 'drop-first';
    const log: string[] = [];
    expect(await download(spec({ log: (l) => log.push(l) }))).toBe('downloaded');
    expect(readFileSync(dest).equals(payload)).toBe(true);
    expect(requests[0].range).toBeUndefined();
    expect(requests[1].range).toMatch(/^bytes=\d+-$/);
    expect(Number(/\d+/.exec(requests[1].range ?? '')?.[0])).toBeGreaterThan(0);
    expect(log.join('\n')).toMatch(/resuming/);
  });

  it('resumes a .part file left by an earlier run', async () => {
    writeFileSync(`${dest}.part`, payload.subarray(0, 100_000));
    expect(await download(spec())).toBe('downloaded');
    expect(requests.map((r) => r.range)).toEqual(['bytes=100000-']);
    expect(readFileSync(dest).equals(payload)).toBe(true);
  });

  it('restarts cleanly when the server does not resume', async () => {
    mode = 'no-range';
    writeFileSync(`${dest}.part`, Buffer.alloc(100_000, 7)); // wrong bytes: they must not survive
    const log: string[] = [];
    expect(await download(spec({ log: (l) => log.push(l) }))).toBe('downloaded');
    expect(readFileSync(dest).equals(payload)).toBe(true);
    expect(log.join('\n')).toMatch(/does not resume downloads: starting again/);
  });

  it('deletes a download whose md5 is wrong', async () => {
    mode = 'corrupt';
    await expect(download(spec())).rejects.toThrow(
      /md5 is [0-9a-f]{32}, but the official file's is .*deleted/,
    );
    expect(existsSync(dest)).toBe(false);
    expect(existsSync(`${dest}.part`)).toBe(false);
  });

  it('refuses a file of the wrong size', async () => {
    await expect(download(spec({ bytes: payload.length + 1 }))).rejects.toThrow(
      /the server offers 300000 bytes, but the official file has 300001/,
    );
  });

  it('replaces a damaged complete file', async () => {
    writeFileSync(dest, Buffer.alloc(payload.length));
    expect(await download(spec())).toBe('downloaded');
    expect(readFileSync(dest).equals(payload)).toBe(true);
  });

  it('gives up on a stalled connection, keeping the part for next time', async () => {
    mode = 'stall';
    const error = await download(spec({ timeoutMs: 300 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadError);
    expect((error as Error).message).toMatch(
      /stopped after 1000 of 300000 bytes \(no data for 0.3 s\)/,
    );
    expect(readFileSync(`${dest}.part`).length).toBe(1000);
  });

  it('says when the server cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await download(spec({ url: `http://127.0.0.1:${port}/x` })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toMatch(/cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
  });
});
