/**
 * NumPy .npy files (format versions 1.0, 2.0 and 3.0), read and written without NumPy.
 * https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html
 *
 * Layout: the magic string \x93NUMPY, two version bytes, the header length (uint16 little-endian
 * in v1, uint32 in v2/v3), then an ASCII Python dict literal such as
 * `{'descr': '<f4', 'fortran_order': False, 'shape': (100, 64), }` padded with spaces and a final
 * \n so that the data that follows starts at a multiple of 64 bytes. The data is the array in C
 * (row-major) order, or Fortran (column-major) order when fortran_order is True.
 */

/** Element types this reader understands. Written files are always float32 or float64. */
export type NpyDtype =
  | 'float16'
  | 'float32'
  | 'float64'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'uint64';

export type NpyWriteDtype = 'float32' | 'float64';

export interface NpyArray {
  /** The shape from the header: [] (a scalar), [n] or [N, n]. */
  readonly shape: readonly number[];
  readonly dtype: NpyDtype;
  /** The `descr` string from the header, e.g. '<f4'. */
  readonly descr: string;
  /** The values as float64 in C (row-major) order, whatever order the file used. */
  readonly data: Float64Array;
  readonly fortranOrder: boolean;
  /** Format version of the file: [1, 0], [2, 0] or [3, 0]. */
  readonly version: readonly [number, number];
}

/** A .npy file that cannot be read; the message says what is wrong with it. */
export class NpyFormatError extends Error {
  override name = 'NpyFormatError';
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const ALIGN = 64;

const DTYPES: Record<string, { dtype: NpyDtype; size: number }> = {
  f2: { dtype: 'float16', size: 2 },
  f4: { dtype: 'float32', size: 4 },
  f8: { dtype: 'float64', size: 8 },
  i1: { dtype: 'int8', size: 1 },
  i2: { dtype: 'int16', size: 2 },
  i4: { dtype: 'int32', size: 4 },
  i8: { dtype: 'int64', size: 8 },
  u1: { dtype: 'uint8', size: 1 },
  u2: { dtype: 'uint16', size: 2 },
  u4: { dtype: 'uint32', size: 4 },
  u8: { dtype: 'uint64', size: 8 },
};

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Encodes a row-major N x n matrix as a .npy file (version 1.0, C order, little-endian).
 * float32 (the default) rounds each value to the nearest float32; float64 is exact.
 */
export function writeNpy(
  data: ArrayLike<number>,
  shape: readonly number[],
  dtype: NpyWriteDtype = 'float32',
): Uint8Array {
  let count = 1;
  for (const s of shape) {
    if (!Number.isInteger(s) || s < 0) throw new RangeError(`bad npy shape (${shape.join(', ')})`);
    count *= s;
  }
  if (count !== data.length) {
    throw new RangeError(
      `npy shape (${shape.join(', ')}) needs ${count} values, got ${data.length}`,
    );
  }
  const descr = dtype === 'float32' ? '<f4' : '<f8';
  const size = dtype === 'float32' ? 4 : 8;
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeText}, }`;
  // magic (6) + version (2) + length (2) + header + '\n' must be a multiple of 64.
  const unpadded = MAGIC.length + 2 + 2 + header.length + 1;
  header += ' '.repeat((ALIGN - (unpadded % ALIGN)) % ALIGN);
  header += '\n';
  if (header.length > 0xffff) throw new RangeError('npy header too long for format 1.0');
  const offset = MAGIC.length + 4 + header.length;
  const out = new Uint8Array(offset + count * size);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  out[8] = header.length & 0xff;
  out[9] = header.length >>> 8;
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  const view = new DataView(out.buffer, offset);
  if (dtype === 'float32') {
    for (let i = 0; i < count; i++) view.setFloat32(i * 4, data[i], true);
  } else {
    for (let i = 0; i < count; i++) view.setFloat64(i * 8, data[i], true);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading

/** True when the bytes start with the .npy magic string. */
export function isNpy(bytes: Uint8Array): boolean {
  if (bytes.length < MAGIC.length) return false;
  return MAGIC.every((b, i) => bytes[i] === b);
}

/** Parses a .npy file. Throws NpyFormatError with a readable message when it cannot. */
export function readNpy(bytes: Uint8Array): NpyArray {
  if (!isNpy(bytes)) {
    throw new NpyFormatError(
      bytes.length < MAGIC.length
        ? `not a .npy file: only ${bytes.length} bytes, too short for the \\x93NUMPY magic string`
        : 'not a .npy file: it does not start with the \\x93NUMPY magic string',
    );
  }
  if (bytes.length < 8) throw new NpyFormatError('truncated .npy file: no version bytes');
  const major = bytes[6];
  const minor = bytes[7];
  if (major < 1 || major > 3 || minor !== 0) {
    throw new NpyFormatError(
      `unsupported .npy format version ${major}.${minor} (this reader knows 1.0, 2.0 and 3.0)`,
    );
  }
  const lengthBytes = major === 1 ? 2 : 4;
  const headerStart = 8 + lengthBytes;
  if (bytes.length < headerStart) {
    throw new NpyFormatError('truncated .npy file: it ends inside the header length');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const dataStart = headerStart + headerLength;
  if (bytes.length < dataStart) {
    throw new NpyFormatError(
      `truncated .npy file: the header should be ${headerLength} bytes but the file ends after ${bytes.length - headerStart}`,
    );
  }
  let headerText = '';
  for (let i = headerStart; i < dataStart; i++) {
    const c = bytes[i];
    if (c > 0x7f) {
      throw new NpyFormatError(
        'unsupported .npy header: it contains non-ASCII characters (structured dtypes are not supported)',
      );
    }
    headerText += String.fromCharCode(c);
  }
  const header = parseHeader(headerText);
  const { dtype, size, littleEndian } = parseDescr(header.descr);
  const { shape, fortranOrder } = header;
  if (shape.length > 2) {
    throw new NpyFormatError(
      `unsupported .npy shape (${shape.join(', ')}): prototypes need a 1-D or 2-D array`,
    );
  }
  let count = 1;
  for (const s of shape) count *= s;
  const expected = count * size;
  const available = bytes.length - dataStart;
  if (available < expected) {
    throw new NpyFormatError(
      `truncated .npy file: shape (${shape.join(', ')}) of ${dtype} needs ${expected} data bytes, but only ${available} follow the header`,
    );
  }
  if (available > expected) {
    throw new NpyFormatError(
      `corrupt .npy file: shape (${shape.join(', ')}) of ${dtype} needs ${expected} data bytes, but ${available} follow the header`,
    );
  }
  const raw = new Float64Array(count);
  readValues(view, dataStart, dtype, littleEndian, raw);
  let data = raw;
  if (fortranOrder && shape.length === 2) {
    // Column-major on disk: element (i, j) is at j * rows + i.
    const [rows, cols] = shape;
    data = new Float64Array(count);
    for (let j = 0; j < cols; j++) {
      for (let i = 0; i < rows; i++) data[i * cols + j] = raw[j * rows + i];
    }
  }
  return {
    shape,
    dtype,
    descr: header.descr,
    data,
    fortranOrder,
    version: [major, minor],
  };
}

function readValues(
  view: DataView,
  start: number,
  dtype: NpyDtype,
  le: boolean,
  out: Float64Array,
): void {
  const n = out.length;
  switch (dtype) {
    case 'float64':
      for (let i = 0; i < n; i++) out[i] = view.getFloat64(start + i * 8, le);
      return;
    case 'float32':
      for (let i = 0; i < n; i++) out[i] = view.getFloat32(start + i * 4, le);
      return;
    case 'float16':
      for (let i = 0; i < n; i++) out[i] = halfToNumber(view.getUint16(start + i * 2, le));
      return;
    case 'int8':
      for (let i = 0; i < n; i++) out[i] = view.getInt8(start + i);
      return;
    case 'uint8':
      for (let i = 0; i < n; i++) out[i] = view.getUint8(start + i);
      return;
    case 'int16':
      for (let i = 0; i < n; i++) out[i] = view.getInt16(start + i * 2, le);
      return;
    case 'uint16':
      for (let i = 0; i < n; i++) out[i] = view.getUint16(start + i * 2, le);
      return;
    case 'int32':
      for (let i = 0; i < n; i++) out[i] = view.getInt32(start + i * 4, le);
      return;
    case 'uint32':
      for (let i = 0; i < n; i++) out[i] = view.getUint32(start + i * 4, le);
      return;
    case 'int64':
      for (let i = 0; i < n; i++) out[i] = Number(view.getBigInt64(start + i * 8, le));
      return;
    case 'uint64':
      for (let i = 0; i < n; i++) out[i] = Number(view.getBigUint64(start + i * 8, le));
      return;
  }
}

/** IEEE 754 binary16 to a number. */
export function halfToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >>> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 0x1f) return fraction ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

function parseDescr(descr: string): { dtype: NpyDtype; size: number; littleEndian: boolean } {
  const m = /^([<>|=]?)([fiu])(\d+)$/.exec(descr);
  const known = m ? DTYPES[m[2] + m[3]] : undefined;
  if (!m || !known) {
    throw new NpyFormatError(
      `unsupported .npy dtype '${descr}' (supported: float16/32/64 '<f2' '<f4' '<f8', signed and unsigned integers, either byte order)`,
    );
  }
  const order = m[1];
  if (order === '|' && known.size !== 1) {
    throw new NpyFormatError(`corrupt .npy dtype '${descr}': '|' is only valid for 1-byte types`);
  }
  // '=' is native order; NumPy always writes '<' or '>' (or '|' for single bytes), and every
  // platform this runs on is little-endian.
  return { dtype: known.dtype, size: known.size, littleEndian: order !== '>' };
}

interface NpyHeader {
  readonly descr: string;
  readonly fortranOrder: boolean;
  readonly shape: number[];
}

function parseHeader(text: string): NpyHeader {
  let value: PyValue;
  try {
    value = parsePythonLiteral(text);
  } catch (e) {
    throw new NpyFormatError(
      `corrupt .npy header ${JSON.stringify(text.trim())}: ${(e as Error).message}`,
    );
  }
  if (!(value instanceof Map)) {
    throw new NpyFormatError(
      `corrupt .npy header: expected a dict, got ${JSON.stringify(text.trim())}`,
    );
  }
  const descr = value.get('descr');
  const fortran = value.get('fortran_order');
  const shape = value.get('shape');
  if (typeof descr !== 'string') {
    throw new NpyFormatError(
      Array.isArray(descr)
        ? 'unsupported .npy dtype: structured arrays (a list of fields) are not supported'
        : "corrupt .npy header: 'descr' is missing or not a string",
    );
  }
  if (typeof fortran !== 'boolean') {
    throw new NpyFormatError("corrupt .npy header: 'fortran_order' is missing or not True/False");
  }
  if (
    !Array.isArray(shape) ||
    !shape.every((s) => typeof s === 'number' && Number.isSafeInteger(s) && s >= 0)
  ) {
    throw new NpyFormatError("corrupt .npy header: 'shape' is missing or not a tuple of sizes");
  }
  return { descr, fortranOrder: fortran, shape: shape as number[] };
}

// A tiny parser for the Python literals that appear in .npy headers: dicts, tuples, lists,
// strings, integers, True, False and None.
type PyValue = string | number | boolean | null | PyValue[] | Map<string, PyValue>;

function parsePythonLiteral(text: string): PyValue {
  let pos = 0;
  const skip = () => {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  };
  const fail = (what: string): never => {
    throw new Error(`${what} at character ${pos}`);
  };
  const parseValue = (): PyValue => {
    skip();
    const c = text[pos];
    if (c === undefined) return fail('unexpected end');
    if (c === '{') {
      pos++;
      const map = new Map<string, PyValue>();
      for (;;) {
        skip();
        if (text[pos] === '}') {
          pos++;
          return map;
        }
        const key = parseValue();
        if (typeof key !== 'string') fail('dict key is not a string');
        skip();
        if (text[pos] !== ':') fail("expected ':'");
        pos++;
        map.set(key as string, parseValue());
        skip();
        if (text[pos] === ',') pos++;
        else if (text[pos] !== '}') fail("expected ',' or '}'");
      }
    }
    if (c === '(' || c === '[') {
      const close = c === '(' ? ')' : ']';
      pos++;
      const items: PyValue[] = [];
      for (;;) {
        skip();
        if (text[pos] === close) {
          pos++;
          return items;
        }
        items.push(parseValue());
        skip();
        if (text[pos] === ',') pos++;
        else if (text[pos] !== close) fail(`expected ',' or '${close}'`);
      }
    }
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, pos + 1);
      if (end < 0) fail('unterminated string');
      const s = text.slice(pos + 1, end);
      pos = end + 1;
      return s;
    }
    const word = /^[A-Za-z_]\w*|^[+-]?\d+L?/.exec(text.slice(pos));
    if (!word) return fail(`unexpected character '${c}'`);
    pos += word[0].length;
    if (word[0] === 'True') return true;
    if (word[0] === 'False') return false;
    if (word[0] === 'None') return null;
    if (/^[+-]?\d+L?$/.test(word[0])) return Number.parseInt(word[0], 10);
    return fail(`unexpected name '${word[0]}'`);
  };
  const value = parseValue();
  skip();
  if (pos !== text.length) fail('unexpected text after the dict');
  return value;
}
