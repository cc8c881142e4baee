import type { CifarBatch } from './dataset.ts';
import { DataError, inFile } from './errors.ts';
import type { CifarFormat } from './formats.ts';
import { RecordParser } from './records.ts';
import { type ByteSource, chunksOf, countedStream, type ReadOptions } from './source.ts';

/** Reads one raw batch file of a known format (see detectBinFormat) into a batch. */
export async function readBin(
  source: ByteSource,
  format: CifarFormat,
  options: ReadOptions = {},
): Promise<CifarBatch> {
  if (source.size < 0)
    throw new DataError(source.name, 'has an unknown size, so its records cannot be counted');
  try {
    const parser = new RecordParser(format, source.size);
    for await (const chunk of chunksOf(countedStream(source, options), options.signal)) {
      parser.write(chunk);
    }
    parser.end();
    return parser.batch(source.name);
  } catch (e) {
    throw inFile(source.name, e);
  }
}
