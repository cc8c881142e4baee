import { mkdir } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseClassSpec, SelectionError } from '../classSpec.ts';
import type { CifarDataset } from '../dataset.ts';
import { DataError } from '../errors.ts';
import { type CifarFormat, FORMATS, isCifarFormat } from '../formats.ts';
import { loadCifar, sourceKind } from '../load.ts';
import { OFFICIAL_ARCHIVES } from '../official.ts';
import { makeSubset, type PerClass, type SubsetRequest } from '../subset.ts';
import { buildManifest } from '../subsetFile.ts';
import { DownloadError, download, NetworkError } from './download.ts';
import { md5File } from './md5.ts';
import { fileSource } from './readFile.ts';
import { writeSubset } from './writeSubset.ts';

export const DATA_HELP = `npm run data -- [options]

Downloads the official CIFAR binary archive from the dataset authors' site (checking its size and
md5, resuming a cut-off download), draws a class-balanced subset and writes it into public/data/,
which the app loads by default.

  --dataset cifar10|cifar100   which archive to download (default cifar10)
  --from PATH                  use a local archive or .bin batch files instead (repeat for several)
  --format cifar10|cifar100    the format of .bin files whose name and size do not tell it
  --classes SPEC               all | first:K | cat,dog,ship (numbered in that order) |
                               superclass:vehicles_1,vehicles_2 (CIFAR-100)       (default all)
  --train-per-class N|all      training images a class (default 500 for CIFAR-10, 50 for CIFAR-100)
  --test-per-class N|all       test images a class (default 100 for CIFAR-10, 10 for CIFAR-100)
  --seed S                     which images are drawn (default 0)
  --out DIR                    where the subset goes (default public/data)
  --cache DIR                  where downloads are kept (default data)
  --timeout SECONDS            network timeout (default 30)
  --mirror URL                 fetch the archive from this folder instead of the authors' site
                               (a course server or a local copy; size and md5 are still checked)
  --help                       this text`;

export const DEFAULT_PER_CLASS: Readonly<Record<CifarFormat, { train: number; test: number }>> = {
  cifar10: { train: 500, test: 100 },
  cifar100: { train: 50, test: 10 },
};

export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
  /** Progress on one line (a terminal); omitted: no progress output. */
  progress?(text: string): void;
  /** The folder relative paths are resolved from (default: the working directory). */
  readonly cwd?: string;
  readonly fetch?: typeof fetch;
}

class UsageError extends Error {}

/** `npm run data`: returns the exit code (0 done, 1 failed, 2 bad arguments). */
export async function runDataCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (e) {
    const message = (e as Error).message.split('\n').join(' ');
    io.err(`error: ${message} (see npm run data -- --help)`);
    return 2;
  }
  if (args.help) {
    io.out(DATA_HELP);
    return 0;
  }
  try {
    const out = resolve(cwd, args.out);
    const from = args.from.map((p) => resolve(cwd, p));
    let sourceInfo: { files: string[]; md5?: string; official?: boolean };
    if (from.length === 0) {
      const official = OFFICIAL_ARCHIVES[args.dataset];
      const cache = resolve(cwd, args.cache);
      await mkdir(cache, { recursive: true });
      const dest = join(cache, official.fileName);
      let announced = false;
      const result = await download({
        url: args.mirror ? new URL(official.fileName, args.mirror).href : official.url,
        dest,
        bytes: official.bytes,
        md5: official.md5,
        timeoutMs: args.timeout * 1000,
        log: (line) => io.err(line),
        fetch: io.fetch,
        onProgress: (got, total) => {
          if (!announced) {
            announced = true;
            io.out(`Downloading ${official.fileName} (${mib(total)}) into ${shown(cwd, cache)}/`);
          }
          io.progress?.(`${mib(got)} of ${mib(total)}`);
        },
      });
      io.out(
        `${shown(cwd, dest)}: ${result === 'cached' ? 'already downloaded, ' : ''}size and md5 match the official file`,
      );
      from.push(dest);
      sourceInfo = { files: [official.fileName], md5: official.md5, official: true };
    } else {
      sourceInfo = { files: from.map((p) => basename(p)) };
      if (from.length === 1 && sourceKind(from[0]) === 'archive') {
        const md5 = await md5File(from[0]).catch(() => undefined);
        const official = Object.values(OFFICIAL_ARCHIVES).some((a) => a.md5 === md5);
        sourceInfo = { ...sourceInfo, md5, official };
      }
    }

    const sources = await Promise.all(from.map(fileSource));
    const dataset = await loadCifar(
      { train: sources },
      {
        format: args.format,
        onProgress: (p) => io.progress?.(`reading ${p.file}: ${percent(p.loaded, p.total)}`),
      },
    );
    for (const w of dataset.warnings) io.err(`warning: ${w}`);
    const request = subsetRequest(args, dataset);
    const subset = makeSubset(dataset, request);
    const manifest = buildManifest(subset, dataset, sourceInfo);
    await writeSubset(out, subset, manifest);
    const bytes = manifest.files.train.bytes + manifest.files.test.bytes;
    io.out(
      `Wrote ${shown(cwd, out)}/: ${FORMATS[dataset.format].title}, ${subset.classNames.length} classes, ` +
        `${subset.train.count} training and ${subset.test.count} test images (${mib(bytes)})`,
    );
    return 0;
  } catch (e) {
    if (e instanceof NetworkError) {
      const name = OFFICIAL_ARCHIVES[args.dataset].fileName;
      io.err(
        `No network: cannot reach ${e.host} (${e.reason}). Get ${name} another way and run ` +
          '`npm run data -- --from PATH`; the app works without it.',
      );
      return 1;
    }
    if (e instanceof DownloadError) {
      io.err(`Download failed: ${e.message}. Run \`npm run data\` again to resume.`);
      return 1;
    }
    if (e instanceof DataError || e instanceof SelectionError || e instanceof UsageError) {
      io.err(`error: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

interface Args {
  help: boolean;
  dataset: CifarFormat;
  from: string[];
  format: CifarFormat | undefined;
  classes: string;
  trainPerClass: PerClass | null;
  testPerClass: PerClass | null;
  seed: number;
  out: string;
  cache: string;
  timeout: number;
  /** Base URL of a folder holding the official file names (ends with /). */
  mirror: string | undefined;
}

function parse(argv: readonly string[]): Args {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h', default: false },
      dataset: { type: 'string', default: 'cifar10' },
      from: { type: 'string', multiple: true, default: [] },
      format: { type: 'string' },
      classes: { type: 'string', default: 'all' },
      'train-per-class': { type: 'string' },
      'test-per-class': { type: 'string' },
      seed: { type: 'string', default: '0' },
      out: { type: 'string', default: join('public', 'data') },
      cache: { type: 'string', default: 'data' },
      timeout: { type: 'string', default: '30' },
      mirror: { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const dataset = values.dataset.toLowerCase().replace('-', '');
  if (!isCifarFormat(dataset))
    throw new UsageError(`--dataset must be cifar10 or cifar100, got "${values.dataset}"`);
  const format = values.format?.toLowerCase().replace('-', '');
  if (format !== undefined && !isCifarFormat(format)) {
    throw new UsageError(`--format must be cifar10 or cifar100, got "${values.format}"`);
  }
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0)
    throw new UsageError(`--seed must be a whole number >= 0, got "${values.seed}"`);
  const timeout = Number(values.timeout);
  if (!(timeout > 0))
    throw new UsageError(`--timeout must be a number of seconds > 0, got "${values.timeout}"`);
  return {
    help: values.help,
    dataset,
    from: values.from,
    format,
    classes: values.classes,
    trainPerClass: perClass('--train-per-class', values['train-per-class']),
    testPerClass: perClass('--test-per-class', values['test-per-class']),
    seed,
    out: values.out,
    cache: values.cache,
    timeout,
    mirror: mirrorUrl(values.mirror),
  };
}

function mirrorUrl(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--mirror must be an http(s) URL of a folder, got "${text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`--mirror must be an http(s) URL of a folder, got "${text}"`);
  // A folder: the archive's name is added to it.
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

function perClass(flag: string, text: string | undefined): PerClass | null {
  if (text === undefined) return null;
  if (text === 'all') return 'all';
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0)
    throw new UsageError(`${flag} must be a whole number or "all", got "${text}"`);
  return n;
}

function subsetRequest(args: Args, dataset: CifarDataset): SubsetRequest {
  const defaults = DEFAULT_PER_CLASS[dataset.format];
  return {
    classes: parseClassSpec(args.classes),
    trainPerClass: args.trainPerClass ?? defaults.train,
    testPerClass: args.testPerClass ?? defaults.test,
    seed: args.seed,
  };
}

/** A path as the user would write it: relative inside the working folder, absolute outside. */
function shown(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}

function mib(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MiB`;
}

function percent(a: number, b: number): string {
  return b > 0 ? `${Math.floor((100 * a) / b)}%` : `${a} bytes`;
}
