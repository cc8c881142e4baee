import { describe, expect, it } from 'vitest';
import { DataProblem } from './errors.ts';
import { baseName, isSafeMemberName, type TarEntry, TarReader } from './tar.ts';
import { makeTar } from './testing/tarBuilder.ts';

function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (i * 31 + seed) & 255;
  return out;
}

/** Reads a tar pushed in chunks of `chunk` bytes; returns every member with its bytes. */
function readAll(tar: Uint8Array, chunk: number): { entry: TarEntry; data: Uint8Array }[] {
  const out: { entry: TarEntry; data: Uint8Array }[] = [];
  const reader = new TarReader((entry) => {
    const parts: Uint8Array[] = [];
    return {
      write: (c) => parts.push(c.slice()),
      end: () => {
        const data = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
        let at = 0;
        for (const p of parts) {
          data.set(p, at);
          at += p.length;
        }
        out.push({ entry, data });
      },
    };
  });
  for (let at = 0; at < tar.length; at += chunk) reader.push(tar.subarray(at, at + chunk));
  reader.finish();
  return out;
}

describe('TarReader', () => {
  const long = `${'deep/'.repeat(30)}file.bin`;
  const members = [
    { name: 'dir/', type: '5' as const },
    { name: 'dir/a.bin', data: bytes(1000, 1) },
    { name: 'dir/empty.txt', data: new Uint8Array(0) },
    { name: 'dir/exact.bin', data: bytes(512, 2) },
    { name: long, data: bytes(700, 3) },
    { name: 'dir/ünïcode-päx.bin', data: bytes(5, 4), pax: true },
  ];
  const tar = makeTar(members);

  it.each([1, 7, 511, 512, 513, 4096, tar.length])(
    'reads every member with chunks of %i bytes',
    (chunk) => {
      const got = readAll(tar, chunk);
      expect(got.map((g) => g.entry.name)).toEqual(members.map((m) => m.name));
      expect(got.map((g) => g.entry.kind)).toEqual([
        'directory',
        'file',
        'file',
        'file',
        'file',
        'file',
      ]);
      for (const [i, m] of members.entries()) {
        expect(got[i].data).toEqual(m.data ?? new Uint8Array(0));
      }
    },
  );

  it('skips members the handler does not want, and stops at the end marker', () => {
    const seen: string[] = [];
    const reader = new TarReader((e) => {
      seen.push(e.name);
      return null;
    });
    reader.push(tar);
    reader.push(new Uint8Array(1024)); // trailing zero padding, as GNU tar writes
    reader.finish();
    expect(reader.ended).toBe(true);
    expect(seen).toHaveLength(members.length);
  });

  it('says where an archive is cut off', () => {
    const reader = new TarReader(() => null);
    reader.push(tar.subarray(0, 512 * 2 + 100)); // dir/ header, a.bin header, 100 bytes of a.bin
    expect(() => reader.finish()).toThrow(
      /is cut off: the archive ends inside dir\/a\.bin, after 100 of its 1,000 bytes/,
    );
    const inHeader = new TarReader(() => null);
    inHeader.push(tar.subarray(0, 700));
    expect(() => inHeader.finish()).toThrow(/ends in the middle of a member header/);
  });

  it('refuses what is not a tar archive', () => {
    const text = new TextEncoder().encode('hello, this is not a tar file '.repeat(40));
    expect(() => new TarReader(() => null).push(text)).toThrow(DataProblem);
    expect(() => new TarReader(() => null).push(text)).toThrow(/is not a tar archive/);
    const empty = new TarReader(() => null);
    expect(() => empty.finish()).toThrow(/is empty/);
  });

  it('notices a damaged header after the first', () => {
    const broken = tar.slice();
    broken[512 * 1 + 10] ^= 0xff; // header of dir/a.bin
    expect(() => readAll(broken, 4096)).toThrow(
      /is damaged: the tar header at byte 512 is not valid/,
    );
  });
});

describe('member names', () => {
  it.each([
    ['cifar-10-batches-bin/data_batch_1.bin', true],
    ['a/b/../c', false],
    ['../evil', false],
    ['/abs/evil', false],
    ['\\windows\\evil', false],
    ['C:/evil', false],
    ['..', false],
    ['', false],
    ['ok..name/file', true],
  ])('%s is safe: %s', (name, safe) => {
    expect(isSafeMemberName(name)).toBe(safe);
  });

  it('takes the base name', () => {
    expect(baseName('cifar-100-binary/train.bin')).toBe('train.bin');
    expect(baseName('train.bin')).toBe('train.bin');
    expect(baseName('dir/')).toBe('dir');
  });
});
