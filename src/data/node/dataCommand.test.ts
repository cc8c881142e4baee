import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CIFAR10, CIFAR100, REPO_ROOT, titled } from '../testing/archives.ts';
import { makeRecords, makeTar } from '../testing/tarBuilder.ts';
import { runDataCommand } from './dataCommand.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cifar-cmd-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function run(argv: string[], fetchImpl?: typeof fetch) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDataCommand(argv, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    cwd: dir,
    fetch: fetchImpl,
  });
  return { code, out, err };
}

function manifestIn(folder: string) {
  return JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
}

describe.skipIf(!CIFAR10.present)(
  titled(CIFAR10, 'npm run data -- --from the CIFAR-10 archive'),
  () => {
    it('writes the default subset: 10 classes, 500 training and 100 test images each', async () => {
      const { code, out, err } = await run(['--from', CIFAR10.path, '--out', 'public/data']);
      expect(err).toEqual([]);
      expect(code).toBe(0);
      expect(out.at(-1)).toMatch(
        /^Wrote public\/data\/: CIFAR-10, 10 classes, 5000 training and 1000 test images \(17\.6 MiB\)$/,
      );
      const folder = join(dir, 'public', 'data');
      expect(readdirSync(folder).sort()).toEqual([
        'manifest.json',
        'subset-test.bin',
        'subset-train.bin',
      ]);
      const m = manifestIn(folder);
      expect(m.dataset).toBe('cifar10');
      expect(m.classes).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(m.files.train.perClass).toEqual(new Array(10).fill(500));
      expect(m.files.test.perClass).toEqual(new Array(10).fill(100));
      expect(m.selection).toEqual({
        classes: 'all',
        trainPerClass: 500,
        testPerClass: 100,
        seed: 0,
      });
      expect(m.source.md5).toMatch(/^[0-9a-f]{32}$/);
      expect(m.source.official).toBe(false); // the small test archive is not the official download
      expect(readFileSync(join(folder, 'subset-train.bin')).length).toBe(5000 * 3073);
    });

    it('keeps the subset already there when the next input is bad', async () => {
      const folder = join(dir, 'public', 'data');
      const before = readFileSync(join(folder, 'manifest.json'), 'utf8');
      writeFileSync(join(dir, 'broken.tar.gz'), readFileSync(CIFAR10.path).subarray(0, 200_000));
      const { code, out, err } = await run(['--from', 'broken.tar.gz', '--out', 'public/data']);
      expect(code).toBe(1);
      expect(out).toEqual([]);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(/^error: broken\.tar\.gz is cut off or damaged/);
      expect(readFileSync(join(folder, 'manifest.json'), 'utf8')).toBe(before);
    });
  },
);

describe.skipIf(!CIFAR100.present)(
  titled(CIFAR100, 'npm run data -- --from the CIFAR-100 archive'),
  () => {
    it('takes superclasses, keeping the alphabetical class order', async () => {
      const { code, out } = await run([
        '--from',
        CIFAR100.path,
        '--out',
        'c100',
        '--classes',
        'superclass:vehicles_1,vehicles_2',
        '--train-per-class',
        '20',
        '--test-per-class',
        '5',
        '--seed',
        '4',
      ]);
      expect(code).toBe(0);
      expect(out.at(-1)).toMatch(/CIFAR-100, 10 classes, 200 training and 50 test images/);
      const m = manifestIn(join(dir, 'c100'));
      expect(m.classes.map((c: number) => m.classNames[c])).toEqual([
        'bicycle',
        'bus',
        'lawn_mower',
        'motorcycle',
        'pickup_truck',
        'rocket',
        'streetcar',
        'tank',
        'tractor',
        'train',
      ]);
      expect(m.coarseNames).toHaveLength(20);
      expect(m.files.train.perClass).toEqual(new Array(10).fill(20));
    });
  },
);

describe('npm run data: safety and errors', () => {
  it('never writes an archive member anywhere, whatever its name', async () => {
    const work = join(dir, 'evil-work');
    mkdirSync(work);
    const members = [
      'data_batch_1.bin',
      'data_batch_2.bin',
      'data_batch_3.bin',
      'data_batch_4.bin',
      'data_batch_5.bin',
      'test_batch.bin',
    ];
    const tar = makeTar([
      { name: '../evil', data: new TextEncoder().encode('evil') },
      { name: '/tmp/abs-evil-cifar-test', data: new TextEncoder().encode('evil') },
      { name: 'cifar-10-batches-bin/../../evil2', data: new TextEncoder().encode('evil') },
      { name: '../../manifest.json', data: new TextEncoder().encode('{}') },
      ...members.map((m, i) => ({
        name: `cifar-10-batches-bin/${m}`,
        data: makeRecords([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, i], 'cifar10'),
      })),
    ]);
    writeFileSync(join(work, 'evil.tar.gz'), gzipSync(tar));
    const { code, err } = await run([
      '--from',
      join(work, 'evil.tar.gz'),
      '--out',
      join(work, 'out'),
      '--train-per-class',
      '1',
      '--test-per-class',
      '1',
    ]);
    expect(code).toBe(0);
    expect(err.filter((l) => l.includes('skipped member'))).toHaveLength(4);
    expect(readdirSync(join(work, 'out')).sort()).toEqual([
      'manifest.json',
      'subset-test.bin',
      'subset-train.bin',
    ]);
    expect(readdirSync(work).sort()).toEqual(['evil.tar.gz', 'out']);
    expect(existsSync(join(dir, 'evil'))).toBe(false);
    expect(existsSync(join(dir, 'evil2'))).toBe(false);
    expect(existsSync('/tmp/abs-evil-cifar-test')).toBe(false);
    expect(existsSync(join(dir, 'manifest.json'))).toBe(false);
  });

  it('explains bad arguments in one line', async () => {
    for (const argv of [
      ['--dataset', 'mnist'],
      ['--seed', '-3'],
      ['--train-per-class', 'many'],
      ['--bogus'],
      ['extra'],
      ['--mirror', 'ftp://example.org/cifar/'],
      ['--mirror', 'not a url'],
    ]) {
      const { code, err } = await run(argv);
      expect(code).toBe(2);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(/^error: .*\(see npm run data -- --help\)$/);
    }
    const missing = await run(['--from', 'nope.tar.gz']);
    expect(missing.code).toBe(1);
    expect(missing.err).toEqual([`error: ${join(dir, 'nope.tar.gz')} does not exist`]);
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out[0]).toMatch(/^npm run data -- \[options\]/);
  });

  it('says in one line that there is no network', async () => {
    const offline = (async () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } });
    }) as unknown as typeof fetch;
    const { code, out, err } = await run(['--cache', 'cache', '--out', 'offline-out'], offline);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual([
      'No network: cannot reach www.cs.toronto.edu (ENOTFOUND). Get cifar-10-binary.tar.gz another way and run `npm run data -- --from PATH`; the app works without it.',
    ]);
    expect(existsSync(join(dir, 'offline-out'))).toBe(false);
  });

  it('fetches from a mirror folder when asked, still checking the md5', async () => {
    const asked: string[] = [];
    const offline = (async (url: string) => {
      asked.push(String(url));
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    }) as unknown as typeof fetch;
    const { code, err } = await run(
      ['--cache', 'cache', '--out', 'mirror-out', '--mirror', 'http://course.example/cifar'],
      offline,
    );
    expect(code).toBe(1);
    expect(asked).toEqual(['http://course.example/cifar/cifar-10-binary.tar.gz']);
    expect(err[0]).toMatch(/^No network: cannot reach course\.example \(ECONNREFUSED\)/);
  });

  // The real script and the real network code, pointed at a local port nobody listens on, so
  // the outcome is the same with or without network on the machine that runs the tests.
  it('the real script, when the server cannot be reached, prints one line and stops', () => {
    const result = spawnSync(
      process.execPath,
      [
        'bin/run-ts.mjs',
        'scripts/data.ts',
        '--cache',
        join(dir, 'net-cache'),
        '--out',
        join(dir, 'net-out'),
        '--timeout',
        '3',
        '--mirror',
        'http://127.0.0.1:9/',
      ],
      { cwd: REPO_ROOT, encoding: 'utf8', timeout: 30_000 },
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^No network: cannot reach 127\.0\.0\.1:9 \(.+\)\. Get cifar-10-binary\.tar\.gz another way/,
    );
    expect(existsSync(join(dir, 'net-out'))).toBe(false);
  }, 40_000);
});
