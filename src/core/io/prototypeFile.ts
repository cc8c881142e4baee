/**
 * Prototype files in any of the three formats: telling them apart, and turning what they hold
 * into a codebook that the metrics can measure.
 */
import type { BinaryWords } from '../math/binaryWords.ts';
import type { Codebook } from '../math/codebook.ts';
import { createCodebook, normaliseRows } from '../math/codebook.ts';
import { detectSignCode } from '../metrics/exact.ts';
import { isNpy } from './npy.ts';

export type PrototypeFormat = 'json' | 'csv' | 'npy';

export const PROTOTYPE_FORMATS: readonly PrototypeFormat[] = ['json', 'csv', 'npy'];

/** The format a file name's extension stands for (.json, .csv, .npy; any case), or null. */
export function formatFromFileName(name: string): PrototypeFormat | null {
  const m = /\.([A-Za-z0-9]+)$/.exec(name);
  const ext = m ? m[1].toLowerCase() : '';
  return (PROTOTYPE_FORMATS as readonly string[]).includes(ext) ? (ext as PrototypeFormat) : null;
}

/**
 * The format of a file from its name, or, when the extension says nothing, from its first
 * bytes: the .npy magic string, then '{' or '[' for JSON, else CSV.
 */
export function sniffFormat(name: string, bytes: Uint8Array): PrototypeFormat {
  const byName = formatFromFileName(name);
  if (byName) return byName;
  if (isNpy(bytes)) return 'npy';
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3; // UTF-8 BOM
  while (i < bytes.length && (bytes[i] === 0x20 || (bytes[i] >= 0x09 && bytes[i] <= 0x0d))) i++;
  return bytes[i] === 0x7b || bytes[i] === 0x5b ? 'json' : 'csv';
}

/** A shape from a .npy file as prototypes: (N, n) is N prototypes; (n,) is one prototype. */
export function codebookFromArray(data: Float64Array, shape: readonly number[]): Codebook {
  if (shape.length === 2) {
    if (shape[0] === 0 || shape[1] === 0) {
      throw new RangeError(`the array has shape (${shape.join(', ')}): no prototypes in it`);
    }
    return createCodebook(shape[0], shape[1], data);
  }
  if (shape.length === 1) {
    if (shape[0] === 0) throw new RangeError('the array is empty: no prototypes in it');
    return createCodebook(1, shape[0], data);
  }
  throw new RangeError(
    `prototypes need a 2-D array (N, n), but the array has shape (${shape.join(', ')})`,
  );
}

/** Rows whose norm is this close to 1 are taken as unit vectors and left exactly as they are. */
export const NORM_TOLERANCE = 1e-9;

export interface PreparedPrototypes {
  /** Unit-length rows: the file's numbers, unchanged unless `renormalised`. */
  readonly codebook: Codebook;
  /** Present when the rows are gamma images of binary words: metrics are then exact. */
  readonly binary?: BinaryWords;
  /** True when some row's norm differed from 1 by more than NORM_TOLERANCE, so all were scaled. */
  readonly renormalised: boolean;
  /** The largest |norm - 1| over the rows as read. */
  readonly maxNormError: number;
}

/**
 * Makes prototypes read from a file ready to measure. Rows are rescaled to unit length only when
 * some row is off by more than NORM_TOLERANCE, so float64 files (JSON, CSV, .npy float64)
 * written by this program are measured on exactly the numbers they hold. float32 gamma images of
 * binary codes are recognised (detectSignCode) so their metrics are exact again. Throws a
 * RangeError for a zero row or fewer than two prototypes.
 */
export function preparePrototypes(codebook: Codebook): PreparedPrototypes {
  const { N, n, data } = codebook;
  if (N < 2) throw new RangeError(`the file holds ${N} prototype; separation needs at least two`);
  let maxNormError = 0;
  for (let i = 0; i < N; i++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += data[i * n + k] * data[i * n + k];
    if (s === 0) throw new RangeError(`prototype ${i} (row ${i + 1}) is all zeros`);
    const err = Math.abs(Math.sqrt(s) - 1);
    if (err > maxNormError) maxNormError = err;
  }
  const renormalised = maxNormError > NORM_TOLERANCE;
  let out = codebook;
  if (renormalised) {
    const copy = Float64Array.from(data);
    normaliseRows(copy, N, n);
    out = createCodebook(N, n, copy);
  }
  const binary = detectSignCode(out) ?? undefined;
  return binary
    ? { codebook: out, binary, renormalised, maxNormError }
    : { codebook: out, renormalised, maxNormError };
}
