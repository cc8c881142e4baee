/**
 * Prototypes as CSV: one prototype per line, coordinates separated by commas, no header.
 * Numbers are written with 17 significant digits, enough to read back every float64 exactly.
 */

/** A CSV file that cannot be read; the message names the line and what is wrong. */
export class CsvFormatError extends Error {
  override name = 'CsvFormatError';
}

/** One number with 17 significant digits (exact round trip); -0 keeps its sign. */
export function formatCsvNumber(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`cannot write ${x} to CSV`);
  if (x === 0) return Object.is(x, -0) ? '-0.0000000000000000' : '0.0000000000000000';
  return x.toPrecision(17);
}

/**
 * Yields the CSV text of a row-major N x n matrix in chunks of whole lines (each ending in \n),
 * so that large codebooks can be streamed to a file without one huge string.
 */
export function* csvChunks(
  data: ArrayLike<number>,
  N: number,
  n: number,
  rowsPerChunk = 256,
): Generator<string> {
  let chunk: string[] = [];
  for (let i = 0; i < N; i++) {
    const fields: string[] = new Array(n);
    for (let k = 0; k < n; k++) fields[k] = formatCsvNumber(data[i * n + k]);
    chunk.push(`${fields.join(',')}\n`);
    if (chunk.length >= rowsPerChunk) {
      yield chunk.join('');
      chunk = [];
    }
  }
  if (chunk.length) yield chunk.join('');
}

/** The whole CSV text of a row-major N x n matrix. */
export function writeCsv(data: ArrayLike<number>, N: number, n: number): string {
  return Array.from(csvChunks(data, N, n)).join('');
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export interface CsvMatrix {
  readonly N: number;
  readonly n: number;
  /** Row-major N x n values. */
  readonly data: Float64Array;
}

/**
 * Reads a numeric matrix. Tolerates spaces around fields, \r\n line ends, blank lines and
 * '#' comment lines (as numpy.savetxt writes for a header). Rows are separated by commas; a file
 * without any comma is read as whitespace-separated (numpy.savetxt's default). Rejects ragged
 * rows and anything that is not a finite decimal number, naming the line.
 */
export function parseCsv(text: string): CsvMatrix {
  const lines = text.split(/\r\n|\n|\r/);
  const commas = text.includes(',');
  const values: number[] = [];
  let n = -1;
  let N = 0;
  let firstLine = 0;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li].trim();
    if (line === '' || line.startsWith('#')) continue;
    const lineNo = li + 1;
    const fields = commas ? line.split(',') : line.split(/\s+/);
    if (commas && fields.length > 1 && fields[fields.length - 1].trim() === '') {
      throw new CsvFormatError(`CSV line ${lineNo}: trailing comma (an empty last field)`);
    }
    if (n < 0) {
      n = fields.length;
      firstLine = lineNo;
    } else if (fields.length !== n) {
      throw new CsvFormatError(
        `CSV line ${lineNo}: ${fields.length} values, but line ${firstLine} has ${n} (every prototype needs the same dimension)`,
      );
    }
    for (let k = 0; k < fields.length; k++) {
      const f = fields[k].trim();
      if (!NUMBER.test(f)) {
        throw new CsvFormatError(
          f === ''
            ? `CSV line ${lineNo}, field ${k + 1}: empty field`
            : `CSV line ${lineNo}, field ${k + 1}: ${JSON.stringify(f.length > 40 ? `${f.slice(0, 40)}...` : f)} is not a finite number`,
        );
      }
      const x = Number(f);
      if (!Number.isFinite(x)) {
        throw new CsvFormatError(`CSV line ${lineNo}, field ${k + 1}: ${f} overflows a float64`);
      }
      values.push(x);
    }
    N++;
  }
  if (N === 0) throw new CsvFormatError('CSV file has no rows of numbers');
  return { N, n, data: Float64Array.from(values) };
}
