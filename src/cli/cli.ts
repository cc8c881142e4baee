/**
 * hypersphere-lab, the command line: `prototypes` makes prototypes with any registered method and
 * prints (or writes) them with their metrics; `metrics` measures prototypes read from a file.
 * Every failure becomes one `error: ` line on stderr and an exit status (see exitCodeFor).
 */
import {
  accessSync,
  closeSync,
  constants,
  openSync,
  readFileSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { separationBounds } from '../core/bounds/index.ts';
import { CsvFormatError, csvChunks, parseCsv } from '../core/io/csv.ts';
import type { PrototypeReport } from '../core/io/json.ts';
import {
  JsonFormatError,
  parsePrototypeJson,
  reportCode,
  reportJsonChunks,
} from '../core/io/json.ts';
import { NpyFormatError, readNpy, writeNpy } from '../core/io/npy.ts';
import { codebookFromArray, preparePrototypes, sniffFormat } from '../core/io/prototypeFile.ts';
import type { Codebook } from '../core/math/codebook.ts';
import { createCodebook } from '../core/math/codebook.ts';
import { resolveParams } from '../core/methods/params.ts';
import { InfeasibleError, InputError, runMethod } from '../core/methods/registry.ts';
import type { ParamValue } from '../core/methods/types.ts';
import { separationMetrics } from '../core/metrics/separation.ts';
import { TrainingError } from '../train/types.ts';
import type { PrototypesCommand } from './args.ts';
import { COMMANDS, parseArgs, UsageError } from './args.ts';
import { runExperimentCommand } from './experiment.ts';
import { EXPERIMENT_HELP } from './experimentArgs.ts';
import { helpText, METRICS_HELP } from './help.ts';
import { runTrainCommand } from './train.ts';
import { TRAIN_HELP } from './trainArgs.ts';

/** Where the CLI writes; process.stdout/stderr by default, replaceable in tests. */
export interface CliIO {
  readonly stdout: { write(chunk: string | Uint8Array): unknown };
  readonly stderr: { write(chunk: string): unknown; readonly isTTY?: boolean };
  /** Reads a whole file ('-' = stdin). */
  readonly readFile?: (path: string) => Uint8Array;
}

/** Exit statuses. */
export const EXIT = { ok: 0, unexpected: 1, usage: 2, infeasible: 3 } as const;

/** An error with its exit status and a message for the `error: ` line. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export function exitCodeFor(e: unknown): number {
  if (e instanceof CliError) return e.exitCode;
  if (e instanceof InfeasibleError) return EXIT.infeasible;
  // A diverged training run: the settings cannot go on (the message says what to change).
  if (e instanceof TrainingError) return EXIT.infeasible;
  if (
    e instanceof UsageError ||
    e instanceof InputError ||
    e instanceof NpyFormatError ||
    e instanceof CsvFormatError ||
    e instanceof JsonFormatError
  ) {
    return EXIT.usage;
  }
  return EXIT.unexpected;
}

/** One line: `error: ` and the message with its line breaks folded. */
export function errorLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return `error: ${message.replace(/\s*[\r\n]+\s*/g, ' ').trim() || 'unknown error'}\n`;
}

let cachedVersion: string | null = null;

export function version(): string {
  if (cachedVersion === null) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
      cachedVersion = typeof pkg.version === 'string' ? pkg.version : 'unknown';
    } catch {
      cachedVersion = 'unknown';
    }
  }
  return cachedVersion as string;
}

const defaultIO: CliIO = {
  stdout: process.stdout,
  stderr: process.stderr,
};

/** Runs the CLI on the arguments (without `node` and the script); returns the exit status. */
export function runCli(argv: readonly string[], io: CliIO = defaultIO): number {
  try {
    const command = parseArgs(argv);
    switch (command.kind) {
      case 'version':
        io.stdout.write(`${version()}\n`);
        return EXIT.ok;
      case 'help':
        if (command.topic === 'metrics') io.stdout.write(METRICS_HELP);
        else if (command.topic === 'experiment') io.stdout.write(EXPERIMENT_HELP);
        else if (command.topic === 'train') io.stdout.write(TRAIN_HELP);
        else if (
          command.topic === null ||
          command.topic === 'prototypes' ||
          command.topic === 'help'
        ) {
          io.stdout.write(helpText(version()));
        } else {
          throw new UsageError(
            `no help on "${command.topic}" (commands: ${COMMANDS.filter((c) => c !== 'help').join(', ')}; try hypersphere-lab --help)`,
          );
        }
        return EXIT.ok;
      case 'prototypes':
        return prototypes(command, io);
      case 'metrics':
        return metrics(command.file, io);
    }
  } catch (e) {
    io.stderr.write(errorLine(e));
    return exitCodeFor(e);
  }
}

/**
 * runCli, plus the commands that train (asynchronous): `experiment`, `train`. The bin entry calls this.
 */
export async function runCliAsync(argv: readonly string[], io: CliIO = defaultIO): Promise<number> {
  const wantsHelp = argv.some((a) => a === '--help' || a === '-h');
  if (argv[0] === 'train' && !wantsHelp) {
    try {
      return await runTrainCommand(argv.slice(1), io);
    } catch (e) {
      io.stderr.write(errorLine(e));
      return exitCodeFor(e);
    }
  }
  if (argv[0] !== 'experiment' || wantsHelp) return runCli(argv, io);
  try {
    return await runExperimentCommand(argv.slice(1), io);
  } catch (e) {
    io.stderr.write(errorLine(e));
    return exitCodeFor(e);
  }
}

/**
 * Shows "label [#######.............]  37%" on stderr at most ten times a second: on a terminal
 * always, elsewhere only with --progress (then one line per update, as logs want).
 */
function progressLine(io: CliIO, label: string, forced: boolean) {
  const terminal = io.stderr.isTTY === true;
  let shown = false;
  let last = Number.NEGATIVE_INFINITY;
  let lastPercent = -1;
  return {
    update:
      terminal || forced
        ? (fraction: number) => {
            const now = performance.now();
            const percent = Math.min(100, Math.max(0, Math.floor(fraction * 100)));
            if (now - last < 100 || percent === lastPercent) return;
            last = now;
            lastPercent = percent;
            shown = true;
            const filled = Math.round(percent / 5);
            const bar = `[${'#'.repeat(filled)}${'.'.repeat(20 - filled)}] ${String(percent).padStart(3)}%`;
            io.stderr.write(terminal ? `\r${label} ${bar}` : `${label} ${bar}\n`);
          }
        : undefined,
    clear() {
      if (shown && terminal) io.stderr.write('\r\x1b[K');
    },
  };
}

function prototypes(command: PrototypesCommand, io: CliIO): number {
  const { method, N, n, seed } = command;
  let params: Readonly<Record<string, ParamValue>>;
  try {
    params = resolveParams(method.params, command.params);
  } catch (e) {
    throw new UsageError(`${method.id}: ${(e as Error).message}`);
  }
  if (command.out !== null) checkWritable(command.out);
  const progress = progressLine(io, `${method.id} N=${N} n=${n}:`, command.progress);
  const start = performance.now();
  let result: ReturnType<typeof runMethod>;
  try {
    result = runMethod({ method: method.id, N, n, seed, params, onProgress: progress.update });
  } finally {
    progress.clear();
  }
  const timeMs = Math.round((performance.now() - start) * 1000) / 1000;
  const { codebook } = result;
  if (command.format === 'npy') {
    writeOutput(command.out as string, [
      writeNpy(codebook.data, [codebook.N, codebook.n], command.dtype),
    ]);
  } else if (command.format === 'csv') {
    emit(io, command.out, csvChunks(codebook.data, codebook.N, codebook.n));
  } else {
    const metrics = separationMetrics({ codebook, binary: result.binary });
    const report: PrototypeReport = {
      method: method.id,
      N,
      n,
      seed,
      params,
      ...(result.steps !== undefined ? { steps: result.steps } : {}),
      ...(result.route !== undefined ? { route: result.route } : {}),
      prototypes: codebook,
      metrics,
      bounds: boundsAt(N, n),
      ...(result.code ? { code: reportCode(result.code) } : {}),
      timeMs,
    };
    emit(io, command.out, reportJsonChunks(report));
  }
  if (command.out !== null && io.stderr.isTTY) {
    io.stderr.write(
      `wrote ${command.out}: ${method.id}, N = ${N}, n = ${n}, ${command.format}, ${timeMs} ms\n`,
    );
  }
  return EXIT.ok;
}

function boundsAt(N: number, n: number): Record<string, number | null> {
  return { ...separationBounds(N, n) } as Record<string, number | null>;
}

function emit(io: CliIO, out: string | null, chunks: Iterable<string>): void {
  if (out === null) {
    for (const c of chunks) io.stdout.write(c);
  } else {
    writeOutput(out, chunks);
  }
}

/** Fails early, before a long run, when the output file cannot be written. */
function checkWritable(path: string): void {
  try {
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
      throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    }
    accessSync(dirname(resolve(path)), constants.W_OK);
  } catch (e) {
    throw new CliError(`cannot write ${path}: ${fsReason(e)}`, EXIT.usage);
  }
}

function writeOutput(path: string, chunks: Iterable<string | Uint8Array>): void {
  let fd: number;
  try {
    fd = openSync(path, 'w');
  } catch (e) {
    throw new CliError(`cannot write ${path}: ${fsReason(e)}`, EXIT.usage);
  }
  try {
    for (const c of chunks) {
      const buf = typeof c === 'string' ? Buffer.from(c, 'utf8') : c;
      let done = 0;
      while (done < buf.length) done += writeSync(fd, buf, done, buf.length - done);
    }
  } catch (e) {
    throw new CliError(`cannot write ${path}: ${fsReason(e)}`, EXIT.usage);
  } finally {
    closeSync(fd);
  }
}

function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return (e as Error)?.message ?? String(e);
  }
}

function readInput(path: string, io: CliIO): Uint8Array {
  try {
    if (io.readFile) return io.readFile(path);
    return readFileSync(path === '-' ? 0 : path);
  } catch (e) {
    throw new CliError(`cannot read ${path === '-' ? 'stdin' : path}: ${fsReason(e)}`, EXIT.usage);
  }
}

function decodeText(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function metrics(file: string, io: CliIO): number {
  const bytes = readInput(file, io);
  const name = file === '-' ? '' : file;
  const format = sniffFormat(name, bytes);
  let codebook: Codebook;
  let meta: Omit<PrototypeReport, 'N' | 'n' | 'metrics' | 'bounds'> = {
    method: null,
    seed: null,
    timeMs: null,
  };
  const label = file === '-' ? 'stdin' : file;
  try {
    if (format === 'npy') {
      const array = readNpy(bytes);
      codebook = codebookFromArray(array.data, array.shape);
    } else if (format === 'csv') {
      const m = parseCsv(decodeText(bytes));
      codebook = createCodebook(m.N, m.n, m.data);
    } else {
      const parsed = parsePrototypeJson(decodeText(bytes));
      codebook = parsed.codebook;
      const { codebook: _, ...rest } = parsed;
      meta = rest;
    }
  } catch (e) {
    if (exitCodeFor(e) === EXIT.unexpected && !(e instanceof RangeError)) throw e;
    throw new CliError(`${label} (read as ${format}): ${(e as Error).message}`, EXIT.usage);
  }
  let prepared: ReturnType<typeof preparePrototypes>;
  try {
    prepared = preparePrototypes(codebook);
  } catch (e) {
    throw new CliError(`${label}: ${(e as Error).message}`, EXIT.usage);
  }
  const { N, n } = prepared.codebook;
  const report: PrototypeReport = {
    method: meta.method,
    N,
    n,
    seed: meta.seed,
    ...(meta.params !== undefined ? { params: meta.params } : {}),
    ...(meta.steps !== undefined ? { steps: meta.steps } : {}),
    metrics: separationMetrics(prepared),
    bounds: boundsAt(N, n),
    ...(meta.code !== undefined ? { code: meta.code } : {}),
    timeMs: meta.timeMs,
  };
  for (const chunk of reportJsonChunks(report)) io.stdout.write(chunk);
  return EXIT.ok;
}
