import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { halfToNumber, isNpy, NpyFormatError, readNpy, writeNpy } from './npy.ts';

const PYTHON = '/usr/bin/python3';
const HAS_NUMPY = spawnSync(PYTHON, ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;
if (!HAS_NUMPY) {
  console.warn(`skipping the NumPy interoperability tests: ${PYTHON} with numpy is not available`);
}

function python(script: string, cwd: string): string {
  const r = spawnSync(PYTHON, ['-c', script], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`python failed: ${r.stderr}`);
  return r.stdout;
}

function headerOf(bytes: Uint8Array): { length: number; text: string } {
  const length = bytes[8] | (bytes[9] << 8);
  return { length, text: String.fromCharCode(...bytes.subarray(10, 10 + length)) };
}

/** Builds a .npy file by hand: any version, header text and data bytes. */
function handmade(header: string, data: Uint8Array, major = 1): Uint8Array {
  const lenBytes = major === 1 ? 2 : 4;
  const pre = 8 + lenBytes;
  let h = header;
  h += ' '.repeat((64 - ((pre + h.length + 1) % 64)) % 64);
  h += '\n';
  const out = new Uint8Array(pre + h.length + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, major, 0]);
  const view = new DataView(out.buffer);
  if (major === 1) view.setUint16(8, h.length, true);
  else view.setUint32(8, h.length, true);
  for (let i = 0; i < h.length; i++) out[pre + i] = h.charCodeAt(i);
  out.set(data, pre + h.length);
  return out;
}

function f64Bytes(values: number[], littleEndian = true): Uint8Array {
  const out = new Uint8Array(values.length * 8);
  const v = new DataView(out.buffer);
  values.forEach((x, i) => {
    v.setFloat64(i * 8, x, littleEndian);
  });
  return out;
}

function bitsEqual(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

const SAMPLE = [
  0,
  -0,
  1,
  -1,
  0.1,
  -1 / 3,
  Math.PI,
  5e-324,
  -2.2250738585072014e-308,
  1.7976931348623157e308,
  1e-300,
  0.5773502691896258,
];

describe('writeNpy header', () => {
  it('has the magic, version 1.0, a 64-byte aligned header and the dict fields', () => {
    for (const [shape, dtype, descr] of [
      [[3, 4], 'float32', '<f4'],
      [[100, 64], 'float64', '<f8'],
      [[7], 'float64', '<f8'],
      [[0, 5], 'float32', '<f4'],
    ] as const) {
      const count = shape.reduce((a: number, b: number) => a * b, 1);
      const bytes = writeNpy(new Float64Array(count), shape, dtype);
      expect(Array.from(bytes.subarray(0, 6))).toEqual([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]);
      expect(bytes[6]).toBe(1);
      expect(bytes[7]).toBe(0);
      const { length, text } = headerOf(bytes);
      expect((10 + length) % 64).toBe(0);
      expect(text.endsWith('\n')).toBe(true);
      const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
      expect(text.trimEnd()).toBe(
        `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeText}, }`,
      );
      expect(bytes.length).toBe(10 + length + count * (dtype === 'float32' ? 4 : 8));
      expect(isNpy(bytes)).toBe(true);
    }
  });

  it('rejects data that does not fit the shape', () => {
    expect(() => writeNpy([1, 2, 3], [2, 2])).toThrow(/needs 4 values, got 3/);
  });
});

describe('readNpy', () => {
  it('round-trips float64 bit-exactly (including -0, subnormals and the largest double)', () => {
    const a = readNpy(writeNpy(SAMPLE, [3, 4], 'float64'));
    expect(a.shape).toEqual([3, 4]);
    expect(a.dtype).toBe('float64');
    expect(a.descr).toBe('<f8');
    expect(a.version).toEqual([1, 0]);
    expect(bitsEqual(a.data, SAMPLE)).toBe(true);
  });

  it('round-trips float32 bit-exactly (values are rounded to float32 once, on writing)', () => {
    const a = readNpy(writeNpy(SAMPLE, [12], 'float32'));
    expect(a.dtype).toBe('float32');
    expect(a.shape).toEqual([12]);
    expect(bitsEqual(a.data, SAMPLE.map(Math.fround))).toBe(true);
    const again = readNpy(writeNpy(a.data, [2, 6]));
    expect(bitsEqual(again.data, a.data)).toBe(true);
  });

  it('reads big-endian, float16, Fortran order, integers and format 2.0/3.0 headers', () => {
    const values = [1, 2, 3, 4, 5, 6]; // (2, 3) in C order: [[1, 2, 3], [4, 5, 6]]
    const be = readNpy(
      handmade(
        "{'descr': '>f8', 'fortran_order': False, 'shape': (2, 3), }",
        f64Bytes(values, false),
      ),
    );
    expect(Array.from(be.data)).toEqual(values);

    // Fortran order stores columns: 1, 4, 2, 5, 3, 6.
    const fo = readNpy(
      handmade(
        "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }",
        f64Bytes([1, 4, 2, 5, 3, 6]),
      ),
    );
    expect(fo.fortranOrder).toBe(true);
    expect(fo.shape).toEqual([2, 3]);
    expect(Array.from(fo.data)).toEqual(values);

    const half = new Uint8Array([0x00, 0x3c, 0x00, 0xb8, 0x00, 0x00, 0x00, 0x7c]); // 1, -0.5, 0, inf
    const h = readNpy(handmade("{'descr': '<f2', 'fortran_order': False, 'shape': (4,), }", half));
    expect(h.dtype).toBe('float16');
    expect(Array.from(h.data)).toEqual([1, -0.5, 0, Number.POSITIVE_INFINITY]);
    expect(halfToNumber(0x0001)).toBe(2 ** -24);

    const ints = readNpy(
      handmade(
        "{'descr': '|i1', 'fortran_order': False, 'shape': (2, 2), }",
        new Uint8Array([1, 255, 0, 127]),
      ),
    );
    expect(Array.from(ints.data)).toEqual([1, -1, 0, 127]);

    for (const major of [2, 3]) {
      const v = readNpy(
        handmade(
          "{'descr': '<f8', 'fortran_order': False, 'shape': (2L, 3L), }",
          f64Bytes(values),
          major,
        ),
      );
      expect(v.version).toEqual([major, 0]);
      expect(Array.from(v.data)).toEqual(values);
    }
    // Keys in another order and double quotes are fine.
    const other = readNpy(
      handmade('{"shape": (3,), "fortran_order": False, "descr": "<f8"}', f64Bytes([7, 8, 9])),
    );
    expect(Array.from(other.data)).toEqual([7, 8, 9]);
  });

  it('says what is wrong with corrupt and truncated files', () => {
    const good = writeNpy([1, 2, 3, 4, 5, 6], [2, 3], 'float64');
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array(0), /not a \.npy file: only 0 bytes/],
      [new TextEncoder().encode('1,2,3\n4,5,6\n'), /not a \.npy file: it does not start with/],
      [good.slice(0, 7), /truncated \.npy file: no version bytes/],
      [good.slice(0, 9), /truncated \.npy file: it ends inside the header length/],
      [good.slice(0, 40), /truncated \.npy file: the header should be 118 bytes/],
      [
        good.slice(0, good.length - 5),
        /truncated \.npy file: shape \(2, 3\) of float64 needs 48 data bytes, but only 43/,
      ],
      [new Uint8Array([...good, 0, 0, 0, 0, 0, 0, 0, 0]), /corrupt \.npy file: .* but 56 follow/],
      [
        (() => {
          const b = good.slice();
          b[6] = 4;
          return b;
        })(),
        /unsupported \.npy format version 4\.0/,
      ],
      [
        handmade("{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }", new Uint8Array(16)),
        /unsupported \.npy dtype '<c16'/,
      ],
      [
        handmade("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", new Uint8Array(8)),
        /unsupported \.npy dtype '\|O'/,
      ],
      [
        handmade(
          "{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (1,), }",
          new Uint8Array(8),
        ),
        /structured arrays/,
      ],
      [
        handmade(
          "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1, 1), }",
          new Uint8Array(8),
        ),
        /shape \(1, 1, 1\): prototypes need a 1-D or 2-D array/,
      ],
      [
        handmade("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1), ", new Uint8Array(8)),
        /corrupt \.npy header/,
      ],
      [
        handmade("{'descr': '<f8', 'shape': (1,), }", new Uint8Array(8)),
        /'fortran_order' is missing/,
      ],
      [
        handmade("{'descr': '<f8', 'fortran_order': False, 'shape': (-1,), }", new Uint8Array(8)),
        /'shape' is missing or not a tuple/,
      ],
      [
        handmade("{'descr': '<f8', 'fortran_order': Maybe, 'shape': (1,), }", new Uint8Array(8)),
        /unexpected name 'Maybe'/,
      ],
    ];
    for (const [bytes, message] of cases) {
      let error: unknown;
      try {
        readNpy(bytes);
      } catch (e) {
        error = e;
      }
      expect(error, String(message)).toBeInstanceOf(NpyFormatError);
      expect((error as Error).message).toMatch(message);
    }
  });
});

describe.skipIf(!HAS_NUMPY)('NumPy interoperability (needs /usr/bin/python3 with numpy)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'npy-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads files written by numpy.save in every layout', () => {
    python(
      `
import numpy as np
a = np.arange(12, dtype=np.float64).reshape(3, 4) / 7
np.save('c64.npy', a)
np.save('c32.npy', a.astype(np.float32))
np.save('fortran.npy', np.asfortranarray(a))
np.save('be64.npy', a.astype('>f8'))
np.save('be32.npy', a.astype('>f4'))
np.save('f16.npy', (np.arange(12).reshape(3, 4) / 4 - 1).astype(np.float16))
np.save('one.npy', a[0])
for v in (2, 3):
    with open('v%d.npy' % v, 'wb') as f:
        np.lib.format.write_array(f, a, version=(v, 0))
`,
      dir,
    );
    const a = Array.from({ length: 12 }, (_, i) => i / 7);
    const read = (name: string) => readNpy(new Uint8Array(readFileSync(join(dir, name))));
    for (const name of ['c64.npy', 'fortran.npy', 'be64.npy', 'v2.npy', 'v3.npy']) {
      const r = read(name);
      expect(r.shape, name).toEqual([3, 4]);
      expect(bitsEqual(r.data, a), name).toBe(true);
    }
    expect(read('fortran.npy').fortranOrder).toBe(true);
    expect(read('v2.npy').version).toEqual([2, 0]);
    expect(read('v3.npy').version).toEqual([3, 0]);
    for (const name of ['c32.npy', 'be32.npy']) {
      const r = read(name);
      expect(r.dtype).toBe('float32');
      expect(bitsEqual(r.data, a.map(Math.fround)), name).toBe(true);
    }
    const h = read('f16.npy');
    expect(h.dtype).toBe('float16');
    expect(Array.from(h.data)).toEqual(Array.from({ length: 12 }, (_, i) => i / 4 - 1));
    const one = read('one.npy');
    expect(one.shape).toEqual([4]);
    expect(bitsEqual(one.data, a.slice(0, 4))).toBe(true);
  });

  it('writes files that numpy.load reads with the right shape, dtype and values', () => {
    const values = Array.from({ length: 15 }, (_, i) => Math.sin(i + 1) / 3);
    writeFileSync(join(dir, 'ours64.npy'), writeNpy(values, [5, 3], 'float64'));
    writeFileSync(join(dir, 'ours32.npy'), writeNpy(values, [5, 3], 'float32'));
    writeFileSync(join(dir, 'ours1d.npy'), writeNpy(values, [15], 'float64'));
    const out = JSON.parse(
      python(
        `
import json, numpy as np
res = {}
for name in ('ours64', 'ours32', 'ours1d'):
    with open(name + '.npy', 'rb') as f:
        version = np.lib.format.read_magic(f)
        shape, fortran, dtype = np.lib.format._read_array_header(f, version)
    a = np.load(name + '.npy', allow_pickle=False)
    res[name] = dict(shape=list(a.shape), dtype=str(a.dtype), fortran=fortran,
                     version=list(version), values=[float(x) for x in a.ravel()])
print(json.dumps(res))
`,
        dir,
      ),
    );
    expect(out.ours64).toEqual({
      shape: [5, 3],
      dtype: 'float64',
      fortran: false,
      version: [1, 0],
      values,
    });
    expect(out.ours32.shape).toEqual([5, 3]);
    expect(out.ours32.dtype).toBe('float32');
    expect(out.ours32.values).toEqual(values.map(Math.fround));
    expect(out.ours1d.shape).toEqual([15]);
    expect(out.ours1d.values).toEqual(values);
  });
});
