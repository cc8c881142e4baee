import type { CifarBatch, CifarDataset } from './dataset.ts';
import { DataError, DataProblem, inFile, LoadCancelled } from './errors.ts';
import { type CifarFormat, FORMATS } from './formats.ts';
import { CIFAR100_COARSE_NAMES, defaultNames, parseLabelNames } from './labelNames.ts';
import { OFFICIAL_ARCHIVES, officialNamesFile, officialRole } from './official.ts';
import { RecordParser } from './records.ts';
import { type ByteSource, chunksOf, countedStream, peek, type ReadOptions } from './source.ts';
import { baseName, type EntrySink, isSafeMemberName, TarReader } from './tar.ts';

const NAMES_LIMIT = 64 * 1024;

/**
 * Reads an official CIFAR binary archive (`cifar-10-binary.tar.gz` or `cifar-100-binary.tar.gz`,
 * or the same as a plain `.tar`) as it streams: gzip is undone by DecompressionStream, the tar is
 * read block by block, and only the records of the batch members are kept. Members are found by
 * their file name in any folder; members whose path could leave a folder (`../x`, `/x`) are
 * skipped and reported in `warnings`.
 */
export async function readCifarArchive(
  source: ByteSource,
  options: ReadOptions = {},
): Promise<CifarDataset> {
  try {
    return await readArchive(source, options);
  } catch (e) {
    throw inFile(source.name, e);
  }
}

interface Found {
  format: CifarFormat | null;
  batches: Map<string, { parser: RecordParser; member: string }>;
  names: Map<'fine' | 'coarse', { member: string; bytes: Uint8Array | null }>;
  warnings: string[];
  pythonVersion: boolean;
}

async function readArchive(source: ByteSource, options: ReadOptions): Promise<CifarDataset> {
  const { head, stream: raw } = await peek(countedStream(source, options), 512);
  let stream = raw;
  if (head.length === 0) throw new DataProblem('is empty (0 bytes)');
  if (head[0] === 0x1f && head[1] === 0x8b) {
    const gunzip = new DecompressionStream('gzip') as unknown as TransformStream<
      Uint8Array,
      Uint8Array
    >;
    stream = raw.pipeThrough(gunzip);
  } else if (!isTarHead(head)) {
    await raw.cancel().catch(() => {});
    throw new DataProblem(
      'is not a .tar.gz archive: it does not start with the gzip signature (1f 8b) nor like a tar file. ' +
        'Pick the official cifar-10-binary.tar.gz or cifar-100-binary.tar.gz, or .bin batch files',
    );
  }

  const found: Found = {
    format: null,
    batches: new Map(),
    names: new Map(),
    warnings: [],
    pythonVersion: false,
  };
  const tar = new TarReader((entry) =>
    entry.kind === 'file' ? memberSink(entry.name, entry.size, found) : null,
  );
  try {
    for await (const chunk of chunksOf(stream, options.signal)) tar.push(chunk);
  } catch (e) {
    if (e instanceof DataError || e instanceof DataProblem || e instanceof LoadCancelled) throw e;
    throw new DataProblem(
      `is cut off or damaged: its gzip data could not be unpacked (${(e as Error).message}). ` +
        'Download the archive again',
    );
  }
  tar.finish();
  return assemble(source.name, found);
}

function isTarHead(head: Uint8Array): boolean {
  return head.length >= 263 && new TextDecoder().decode(head.subarray(257, 262)) === 'ustar';
}

/** What to do with one archive member: parse a batch, keep a names file, or skip it. */
function memberSink(member: string, size: number, found: Found): EntrySink | null {
  if (!isSafeMemberName(member)) {
    found.warnings.push(`skipped member "${member}": its path points outside the archive's folder`);
    return null;
  }
  const base = baseName(member);
  if (/^(data_batch_\d+|test_batch|batches\.meta|train|test|meta)$/.test(base))
    found.pythonVersion = true;
  const role = officialRole(base);
  const namesFile = officialNamesFile(base);
  const format = role?.format ?? namesFile?.format;
  if (!format) return null;
  if (found.format && found.format !== format) {
    throw new DataProblem(
      `holds both CIFAR-10 and CIFAR-100 files (${member} is ${FORMATS[format].title}): it is not an official archive`,
    );
  }
  found.format = format;
  if (role) {
    if (found.batches.has(base)) throw new DataProblem(`holds ${base} twice`);
    let parser: RecordParser;
    try {
      parser = new RecordParser(format, size);
    } catch (e) {
      throw memberProblem(member, e);
    }
    found.batches.set(base, { parser, member });
    return {
      write(chunk) {
        try {
          parser.write(chunk);
        } catch (e) {
          throw memberProblem(member, e);
        }
      },
      end() {
        try {
          parser.end();
        } catch (e) {
          throw memberProblem(member, e);
        }
      },
    };
  }
  if (namesFile) {
    const kind = namesFile.kind;
    if (size > NAMES_LIMIT) {
      found.warnings.push(`skipped ${member}: too big for a label-name file`);
      return null;
    }
    const bytes = new Uint8Array(size);
    let fill = 0;
    const slot = { member, bytes: null as Uint8Array | null };
    found.names.set(kind, slot);
    return {
      write(chunk) {
        bytes.set(chunk, fill);
        fill += chunk.length;
      },
      end() {
        slot.bytes = bytes;
      },
    };
  }
  return null;
}

function memberProblem(member: string, e: unknown): unknown {
  return e instanceof DataProblem ? new DataProblem(`(member ${member}) ${e.message}`) : e;
}

function assemble(archiveName: string, found: Found): CifarDataset {
  const { format } = found;
  if (!format) {
    throw new DataProblem(
      found.pythonVersion
        ? 'is the Python (or MATLAB) version of CIFAR: Hypersphere Lab reads the binary version, ' +
            'cifar-10-binary.tar.gz or cifar-100-binary.tar.gz'
        : 'holds no CIFAR files: expected cifar-10-batches-bin/data_batch_1.bin ... test_batch.bin ' +
            'or cifar-100-binary/train.bin and test.bin inside',
    );
  }
  const official = OFFICIAL_ARCHIVES[format];
  const expected = [...official.trainMembers, ...official.testMembers];
  const missing = expected.filter((m) => !found.batches.has(m));
  if (missing.length > 0) {
    throw new DataProblem(
      `has no ${missing.join(', ')}: an official ${FORMATS[format].title} archive holds ` +
        `${expected.join(', ')} in ${official.folder}/`,
    );
  }
  const take = (members: readonly string[]): CifarBatch[] =>
    members.map((m) => {
      const { parser, member } = found.batches.get(m) as { parser: RecordParser; member: string };
      return parser.batch(`${archiveName} › ${member}`);
    });
  const warnings = [...found.warnings];
  const names = (kind: 'fine' | 'coarse', fallback: readonly string[]): readonly string[] => {
    const slot = found.names.get(kind);
    if (!slot?.bytes) {
      const file = kind === 'fine' ? official.namesMember : official.coarseNamesMember;
      warnings.push(`${file} is missing: using the published class names`);
      return fallback;
    }
    try {
      return parseLabelNames(slot.bytes, format, kind);
    } catch (e) {
      throw memberProblem(slot.member, e);
    }
  };
  const classNames = names('fine', defaultNames(format));
  const coarseNames = format === 'cifar100' ? names('coarse', CIFAR100_COARSE_NAMES) : null;
  return {
    format,
    classNames,
    coarseNames,
    train: take(official.trainMembers),
    test: take(official.testMembers),
    sources: [archiveName],
    warnings,
  };
}
