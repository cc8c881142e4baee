import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CsvFormatError, csvChunks, formatCsvNumber, parseCsv, writeCsv } from './csv.ts';

const PYTHON = '/usr/bin/python3';
const HAS_NUMPY = spawnSync(PYTHON, ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;

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
  123456789012345680000,
  1e21,
  -7e-7,
  0.30000000000000004,
];

describe('CSV writing', () => {
  it('writes 17 significant digits, one prototype per line, no header', () => {
    expect(formatCsvNumber(0)).toBe('0.0000000000000000');
    expect(formatCsvNumber(-0)).toBe('-0.0000000000000000');
    expect(formatCsvNumber(1)).toBe('1.0000000000000000');
    expect(formatCsvNumber(-1 / 3)).toBe('-0.33333333333333331');
    expect(formatCsvNumber(1e-300)).toBe('1.0000000000000000e-300');
    expect(() => formatCsvNumber(Number.NaN)).toThrow(/cannot write NaN/);
    expect(writeCsv([1, 0, -0.5, 0.25], 2, 2)).toBe(
      '1.0000000000000000,0.0000000000000000\n-0.50000000000000000,0.25000000000000000\n',
    );
    expect(Array.from(csvChunks(new Float64Array(10), 5, 2, 2))).toHaveLength(3);
  });

  it('round-trips every float64 exactly (including -0 and extremes)', () => {
    const m = parseCsv(writeCsv(SAMPLE, 4, 4));
    expect([m.N, m.n]).toEqual([4, 4]);
    expect(bitsEqual(m.data, SAMPLE)).toBe(true);
    const random = Float64Array.from(
      { length: 3000 },
      () => (Math.random() - 0.5) * 10 ** (Math.random() * 40 - 20),
    );
    expect(bitsEqual(parseCsv(writeCsv(random, 300, 10)).data, random)).toBe(true);
  });

  it.skipIf(!HAS_NUMPY)('is read by Python/numpy to the same float64 values (needs numpy)', () => {
    const text = writeCsv(SAMPLE, 4, 4);
    const r = spawnSync(
      PYTHON,
      [
        '-c',
        'import sys, json, numpy as np; a = np.loadtxt(sys.stdin, delimiter=","); print(json.dumps([a.shape, [float(x) for x in a.ravel()]]))',
      ],
      { input: text, encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    const [shape, values] = JSON.parse(r.stdout);
    expect(shape).toEqual([4, 4]);
    expect(bitsEqual(values, SAMPLE)).toBe(true);
  });
});

describe('CSV reading', () => {
  it('tolerates spaces, CRLF, blank lines, a missing or extra trailing newline and # comments', () => {
    const m = parseCsv('# header from numpy.savetxt\r\n 1 , 2,3 \r\n\r\n4,5,  6e-1\r\n\n');
    expect([m.N, m.n]).toEqual([2, 3]);
    expect(Array.from(m.data)).toEqual([1, 2, 3, 4, 5, 0.6]);
    expect(Array.from(parseCsv('1,2\n3,4').data)).toEqual([1, 2, 3, 4]);
    // numpy.savetxt's default: whitespace-separated.
    const ws = parseCsv('1.000000000000000000e+00 -2.5e-01\n\t3   4\n');
    expect(Array.from(ws.data)).toEqual([1, -0.25, 3, 4]);
    expect(Array.from(parseCsv('+.5,-1.\n').data)).toEqual([0.5, -1]);
  });

  it('rejects ragged rows, non-numbers and empty input, naming the line', () => {
    const cases: [string, RegExp][] = [
      ['1,2,3\n4,5\n', /CSV line 2: 2 values, but line 1 has 3/],
      ['# c\n1,2\n\n1,2,3\n', /CSV line 4: 3 values, but line 2 has 2/],
      ['1,2\n3,abc\n', /CSV line 2, field 2: "abc" is not a finite number/],
      ['1,NaN\n', /CSV line 1, field 2: "NaN" is not a finite number/],
      ['1,Infinity\n', /"Infinity" is not a finite number/],
      ['0x10,1\n', /"0x10" is not a finite number/],
      ['1,,2\n', /CSV line 1, field 2: empty field/],
      ['1,2,\n', /CSV line 1: trailing comma/],
      ['1,1e999\n', /CSV line 1, field 2: 1e999 overflows/],
      ['', /CSV file has no rows of numbers/],
      ['\n \n# only a comment\n', /no rows of numbers/],
    ];
    for (const [text, message] of cases) {
      expect(() => parseCsv(text), JSON.stringify(text)).toThrow(CsvFormatError);
      expect(() => parseCsv(text), JSON.stringify(text)).toThrow(message);
    }
  });
});
