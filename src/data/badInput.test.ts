import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CifarDataset } from './dataset.ts';
import { DataError } from './errors.ts';
import { loadCifar } from './load.ts';
import { fileSource } from './node/readFile.ts';
import { CIFAR10, CIFAR100, titled } from './testing/archives.ts';
import { makeRecords, makeTar, memorySource } from './testing/tarBuilder.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cifar-bad-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Writes `bytes` as `name` in the temp folder and loads it as the training pick. */
async function loadFile(
  name: string,
  bytes: Uint8Array,
  options: { format?: 'cifar10' | 'cifar100' } = {},
) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return loadCifar({ train: [await fileSource(path)] }, options);
}

/** The DataError a load fails with; checks it names `file`. */
async function failure(load: Promise<CifarDataset>, file: string): Promise<DataError> {
  const error = await load.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataError);
  const e = error as DataError;
  expect(e.file).toBe(file);
  expect(e.message.startsWith(file)).toBe(true);
  expect(e.message).not.toMatch(/\n/);
  return e;
}

const names10 = new TextEncoder().encode(
  'airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n\n',
);
const official10 = (skip: string[] = []) =>
  makeTar(
    [
      'data_batch_1.bin',
      'data_batch_2.bin',
      'data_batch_3.bin',
      'data_batch_4.bin',
      'data_batch_5.bin',
      'test_batch.bin',
    ]
      .filter((m) => !skip.includes(m))
      .map((m, i) => ({
        name: `cifar-10-batches-bin/${m}`,
        data: makeRecords([i, 9 - i, 3], 'cifar10'),
      }))
      .concat([{ name: 'cifar-10-batches-bin/batches.meta.txt', data: names10 }]),
  );

describe('archives that are not right', () => {
  it('a small archive made like the official one loads (the base for the broken ones)', async () => {
    const d = await loadCifar({
      train: [memorySource('mini.tar.gz', gzipSync(official10()), 1000)],
    });
    expect(d.train.map((b) => b.count)).toEqual([3, 3, 3, 3, 3]);
    expect(d.test[0].count).toBe(3);
    expect(d.classNames[9]).toBe('truck');
  });

  it.skipIf(!CIFAR10.present)(titled(CIFAR10, 'a truncated official archive'), async () => {
    const cut = readFileSync(CIFAR10.path).subarray(0, 1_500_000);
    const e = await failure(loadFile('cifar-10-binary.tar.gz', cut), 'cifar-10-binary.tar.gz');
    expect(e.message).toMatch(
      /is cut off or damaged: its gzip data could not be unpacked .*Download the archive again/,
    );
  });

  it('a truncated plain tar', async () => {
    const tar = official10();
    const e = await failure(loadFile('cut.tar', tar.subarray(0, 5000)), 'cut.tar');
    expect(e.message).toMatch(
      /is cut off: the archive ends inside cifar-10-batches-bin\/data_batch_1\.bin, after 4,488 of its 9,219 bytes/,
    );
  });

  it('a file that is not gzip', async () => {
    const e = await failure(
      loadFile('cifar-10-binary.tar.gz', new TextEncoder().encode('<html>404 Not Found</html>')),
      'cifar-10-binary.tar.gz',
    );
    expect(e.message).toMatch(
      /is not a \.tar\.gz archive: it does not start with the gzip signature/,
    );
    await failure(loadFile('nothing.tar.gz', new Uint8Array(0)), 'nothing.tar.gz');
  });

  it('gzip that holds no tar', async () => {
    const e = await failure(
      loadFile('text.tar.gz', gzipSync('just some text\n'.repeat(100))),
      'text.tar.gz',
    );
    expect(e.message).toMatch(/is not a tar archive/);
  });

  it('a tar without the expected members', async () => {
    const e = await failure(
      loadFile('partial.tar.gz', gzipSync(official10(['data_batch_4.bin', 'test_batch.bin']))),
      'partial.tar.gz',
    );
    expect(e.message).toMatch(
      /has no data_batch_4\.bin, test_batch\.bin: an official CIFAR-10 archive holds/,
    );
    const other = await failure(
      loadFile(
        'other.tar.gz',
        gzipSync(makeTar([{ name: 'photos/cat.jpg', data: new Uint8Array(10) }])),
      ),
      'other.tar.gz',
    );
    expect(other.message).toMatch(/holds no CIFAR files/);
    const python = await failure(
      loadFile(
        'cifar-10-python.tar.gz',
        gzipSync(makeTar([{ name: 'cifar-10-batches-py/data_batch_1', data: new Uint8Array(10) }])),
      ),
      'cifar-10-python.tar.gz',
    );
    expect(python.message).toMatch(/is the Python \(or MATLAB\) version of CIFAR/);
  });

  it('a member of the wrong size, and a member with a bad label', async () => {
    const tar = makeTar([
      { name: 'cifar-10-batches-bin/data_batch_1.bin', data: new Uint8Array(3074) },
    ]);
    const e = await failure(loadFile('odd.tar.gz', gzipSync(tar)), 'odd.tar.gz');
    expect(e.message).toMatch(
      /\(member cifar-10-batches-bin\/data_batch_1\.bin\) is 3,074 bytes, which is not a whole number/,
    );
    const bad = makeTar([
      { name: 'cifar-10-batches-bin/test_batch.bin', data: makeRecords([1, 2, 12], 'cifar10') },
    ]);
    const label = await failure(loadFile('label.tar.gz', gzipSync(bad)), 'label.tar.gz');
    expect(label.message).toMatch(
      /\(member cifar-10-batches-bin\/test_batch\.bin\) has label 12 at image 3/,
    );
  });

  it('a label-name file with the wrong number of names', async () => {
    const tar = makeTar([
      ...[
        'data_batch_1.bin',
        'data_batch_2.bin',
        'data_batch_3.bin',
        'data_batch_4.bin',
        'data_batch_5.bin',
        'test_batch.bin',
      ].map((m) => ({ name: m, data: makeRecords([1], 'cifar10') })),
      { name: 'batches.meta.txt', data: new TextEncoder().encode('cat\ndog\n') },
    ]);
    const e = await failure(loadFile('names.tar', tar), 'names.tar');
    expect(e.message).toMatch(
      /\(member batches\.meta\.txt\) has 2 non-empty lines, but CIFAR-10 needs 10 class names/,
    );
  });

  it('archive members with paths that leave the folder are skipped, not used', async () => {
    const tar = makeTar([
      { name: '../data_batch_1.bin', data: makeRecords([1], 'cifar10') },
      { name: '/abs/evil', data: new Uint8Array(5) },
    ]);
    const e = await failure(loadFile('evil.tar', tar), 'evil.tar');
    expect(e.message).toMatch(/holds no CIFAR files/);
  });
});

describe('.bin files that are not right', () => {
  it('a size that is not a multiple of the record size', async () => {
    const good = makeRecords([1, 2, 3], 'cifar10');
    const e = await failure(
      loadFile('data_batch_1.bin', good.subarray(0, good.length - 100)),
      'data_batch_1.bin',
    );
    expect(e.message).toMatch(
      /named like a CIFAR-10 file, but its size, 9,119 bytes, is not a whole number of 3073-byte/,
    );
    const mine = await failure(loadFile('mine.bin', good.subarray(0, 5000)), 'mine.bin');
    expect(mine.message).toMatch(/is 5,000 bytes, which is not a whole number of CIFAR records/);
  });

  it('a format chosen by hand that does not fit', async () => {
    const e = await failure(
      loadFile('mine.bin', makeRecords([1, 2], 'cifar10'), { format: 'cifar100' }),
      'mine.bin',
    );
    expect(e.message).toMatch(/3074-byte CIFAR-100 records/);
  });

  it('CIFAR-10 and CIFAR-100 batches picked together', async () => {
    writeFileSync(join(dir, 'data_batch_1.bin'), makeRecords([1], 'cifar10'));
    writeFileSync(join(dir, 'train.bin'), makeRecords([1], 'cifar100'));
    const load = loadCifar({
      train: [
        await fileSource(join(dir, 'data_batch_1.bin')),
        await fileSource(join(dir, 'train.bin')),
      ],
    });
    const e = await failure(load, 'train.bin');
    expect(e.message).toMatch(
      /is CIFAR-100, but data_batch_1\.bin is CIFAR-10: pick batches of one dataset/,
    );
  });

  it('an empty pick, a missing file, a text file that is not a names file', async () => {
    await expect(loadCifar({})).rejects.toThrow(
      /The selection is empty: pick an archive or \.bin batch files/,
    );
    await expect(fileSource(join(dir, 'nope.bin'))).rejects.toThrow(/nope\.bin does not exist/);
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    writeFileSync(join(dir, 'x.bin'), makeRecords([1], 'cifar10'));
    const e = await failure(
      loadCifar({
        train: [await fileSource(join(dir, 'x.bin')), await fileSource(join(dir, 'notes.txt'))],
      }),
      'notes.txt',
    );
    expect(e.message).toMatch(/is not a CIFAR label-name file/);
  });
});

describe('labels out of range in official files', () => {
  it.skipIf(!CIFAR10.present)(
    titled(CIFAR10, 'CIFAR-10 test_batch.bin with label 10'),
    async () => {
      execFileSync('tar', ['-xzf', CIFAR10.path, '-C', dir, 'cifar-10-batches-bin/test_batch.bin']);
      const bytes = readFileSync(join(dir, 'cifar-10-batches-bin', 'test_batch.bin'));
      bytes[3073 * 41] = 10; // label of image 42
      const e = await failure(loadFile('test_batch.bin', bytes), 'test_batch.bin');
      expect(e.message).toMatch(/has label 10 at image 42, but CIFAR-10 labels go from 0 to 9/);
      // The same bytes cut short by 7 bytes: not a whole number of records.
      const cut = await failure(
        loadFile('test_batch.bin', bytes.subarray(0, bytes.length - 7)),
        'test_batch.bin',
      );
      expect(cut.message).toMatch(
        /3,072,993 bytes, is not a whole number of 3073-byte CIFAR-10 records/,
      );
    },
  );

  it.skipIf(!CIFAR100.present)(
    titled(CIFAR100, 'CIFAR-100 test.bin with fine label 100 and coarse 20'),
    async () => {
      execFileSync('tar', ['-xzf', CIFAR100.path, '-C', dir, 'cifar-100-binary/test.bin']);
      const bytes = readFileSync(join(dir, 'cifar-100-binary', 'test.bin'));
      bytes[3074 * 9 + 1] = 100;
      const e = await failure(loadFile('test.bin', bytes), 'test.bin');
      expect(e.message).toMatch(/has label 100 at image 10, but CIFAR-100 labels go from 0 to 99/);
      bytes[3074 * 9 + 1] = 5;
      bytes[0] = 20;
      const coarse = await failure(loadFile('test.bin', bytes), 'test.bin');
      expect(coarse.message).toMatch(
        /has superclass label 20 at image 1, but CIFAR-100 superclass labels go from 0 to 19/,
      );
    },
  );
});
