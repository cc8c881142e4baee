import { describe, expect, it } from 'vitest';
import { createCodebook } from '../math/codebook.ts';
import type { PrototypeReport } from './json.ts';
import { JsonFormatError, parsePrototypeJson, reportJsonChunks, stringifyReport } from './json.ts';

const codebook = createCodebook(
  3,
  2,
  Float64Array.from([1, 0, -0.5, Math.sqrt(3) / 2, -0.5, -Math.sqrt(3) / 2]),
);
const metrics = { maxCosine: -0.5, minAngleDeg: 120, meanCosine: -0.5, meanRowMaxCosine: -0.5 };
const bounds = { rankin: -0.5, orthoplex: null, gilbertVarshamov: 0, lower: -0.5 };

const report: PrototypeReport = {
  method: 'kasarla',
  N: 3,
  n: 2,
  seed: 0,
  params: {},
  prototypes: codebook,
  metrics,
  bounds,
  timeMs: 0.25,
};

describe('JSON report', () => {
  it('writes one object with the keys in the documented order, numbers exact', () => {
    const text = stringifyReport(report);
    const obj = JSON.parse(text);
    expect(Object.keys(obj)).toEqual([
      'method',
      'N',
      'n',
      'seed',
      'params',
      'prototypes',
      'metrics',
      'bounds',
      'timeMs',
    ]);
    expect(Object.keys(obj.metrics)).toEqual([
      'maxCosine',
      'minAngleDeg',
      'meanCosine',
      'meanRowMaxCosine',
    ]);
    expect(obj.prototypes.flat()).toEqual(Array.from(codebook.data));
    expect(obj.bounds).toEqual(bounds);
    // One prototype per line.
    expect(text).toContain('\n    [1, 0],\n    [-0.5, 0.8660254037844386],\n');
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('adds steps and code when known and leaves prototypes out when not given', () => {
    const code = { n: 8, k: 4, d: 4, designedDistance: 4, minimumDistance: 4, name: 'RM(1,3)' };
    const { prototypes: _, ...rest } = report;
    const obj = JSON.parse(stringifyReport({ ...rest, method: 'rm', steps: 10, code }));
    expect(Object.keys(obj)).toEqual([
      'method',
      'N',
      'n',
      'seed',
      'params',
      'steps',
      'metrics',
      'bounds',
      'code',
      'timeMs',
    ]);
    expect(obj.code).toEqual(code);
  });

  it('streams large codebooks in chunks that join to the same text', () => {
    const big = createCodebook(
      1000,
      3,
      Float64Array.from({ length: 3000 }, (_, i) => Math.cos(i)),
    );
    const chunks = Array.from(reportJsonChunks({ ...report, N: 1000, n: 3, prototypes: big }, 100));
    expect(chunks.length).toBeGreaterThan(5);
    const obj = JSON.parse(chunks.join(''));
    expect(obj.prototypes.flat()).toEqual(Array.from(big.data));
  });

  it('parses our report back, keeping method, seed, params, steps, code and timeMs', () => {
    const code = { n: 8, k: 4, d: 4, designedDistance: 4, minimumDistance: null, name: 'RM(1,3)' };
    const parsed = parsePrototypeJson(
      stringifyReport({ ...report, seed: 7, steps: 3, params: { lr: 0.1 }, code }),
    );
    expect(parsed.method).toBe('kasarla');
    expect(parsed.seed).toBe(7);
    expect(parsed.steps).toBe(3);
    expect(parsed.params).toEqual({ lr: 0.1 });
    expect(parsed.code).toEqual(code);
    expect(parsed.timeMs).toBe(0.25);
    expect(Array.from(parsed.codebook.data)).toEqual(Array.from(codebook.data));
    // A bare array of rows is prototypes too.
    const bare = parsePrototypeJson('[[1, 0], [0, 1]]');
    expect([bare.codebook.N, bare.codebook.n, bare.method, bare.seed]).toEqual([2, 2, null, null]);
  });

  it('says what is wrong with bad JSON', () => {
    const cases: [string, RegExp][] = [
      ['{"prototypes": [[1, 0], [0, 1]]', /invalid JSON/],
      ['', /invalid JSON/],
      ['42', /must be an object with "prototypes" or an array of rows/],
      ['{"metrics": {}}', /no "prototypes" array/],
      ['{"prototypes": []}', /"prototypes" is empty/],
      ['{"prototypes": [[1, 0], [0]]}', /"prototypes"\[1\] has 1 numbers, but row 0 has 2/],
      ['{"prototypes": [[1, 0], "x"]}', /"prototypes"\[1\] is not an array/],
      ['{"prototypes": [[1, "a"], [0, 1]]}', /"prototypes"\[0\]\[1\] is "a", not a number/],
      ['{"prototypes": [[1, null], [0, 1]]}', /"prototypes"\[0\]\[1\] is null/],
      ['{"N": 3, "prototypes": [[1, 0], [0, 1]]}', /"N" is 3 but "prototypes" is 2 x 2/],
    ];
    for (const [text, message] of cases) {
      expect(() => parsePrototypeJson(text), text).toThrow(JsonFormatError);
      expect(() => parsePrototypeJson(text), text).toThrow(message);
    }
  });
});
