import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readNpy } from '../core/io/npy.ts';
import { METHODS } from '../core/methods/registry.ts';
import { runCli } from './cli.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const BIN = join(ROOT, 'bin', 'hypersphere-lab.mjs');
const dir = mkdtempSync(join(tmpdir(), 'hypersphere-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const REPORT_KEYS = [
  'method',
  'N',
  'n',
  'seed',
  'params',
  'prototypes',
  'metrics',
  'bounds',
  'timeMs',
];
const METRIC_KEYS = ['maxCosine', 'minAngleDeg', 'meanCosine', 'meanRowMaxCosine'];
const CODE_KEYS = ['n', 'k', 'd', 'designedDistance', 'minimumDistance', 'name'];

interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in this process, capturing what it writes. */
function cli(argv: string[], options: { tty?: boolean; stdin?: Uint8Array } = {}): Run {
  let out = '';
  let err = '';
  const code = runCli(argv, {
    stdout: {
      write: (c: string | Uint8Array) => {
        out += typeof c === 'string' ? c : Buffer.from(c).toString('latin1');
      },
    },
    stderr: {
      write: (c: string) => {
        err += c;
      },
      isTTY: options.tty ?? false,
    },
    ...(options.stdin
      ? { readFile: (p: string) => (p === '-' ? (options.stdin as Uint8Array) : readFileSync(p)) }
      : {}),
  });
  return { code, out, err };
}

function expectError(run: Run, code: number, message: RegExp): void {
  expect(run.code, run.err).toBe(code);
  expect(run.out).toBe('');
  expect(run.err).toMatch(/^error: [^\n]+\n$/);
  expect(run.err).toMatch(message);
  expect(run.err).not.toMatch(/\n\s+at /);
}

const json = (run: Run) => {
  expect(run.code, run.err).toBe(0);
  return JSON.parse(run.out);
};

const hasCodeMethod = METHODS.some((m) => m.id === 'rm');

describe('prototypes', () => {
  it('prints one JSON object with exactly the documented keys; kasarla N=4 n=3 is the simplex', () => {
    const r = cli(['prototypes', '--method', 'kasarla', '-N', '4', '-n', '3']);
    expect(r.err).toBe('');
    const obj = json(r);
    expect(Object.keys(obj)).toEqual(REPORT_KEYS);
    expect(Object.keys(obj.metrics)).toEqual(METRIC_KEYS);
    expect(Object.keys(obj.bounds)).toEqual(
      expect.arrayContaining(['rankin', 'orthoplex', 'gilbertVarshamov']),
    );
    expect(obj).toMatchObject({ method: 'kasarla', N: 4, n: 3, seed: 0, params: {} });
    expect(obj.prototypes).toHaveLength(4);
    for (const row of obj.prototypes) {
      expect(row).toHaveLength(3);
      expect(Math.hypot(...row)).toBeCloseTo(1, 14);
    }
    expect(Math.abs(obj.metrics.maxCosine + 1 / 3)).toBeLessThan(1e-12);
    expect(obj.metrics.minAngleDeg).toBeCloseTo(109.4712206, 6);
    expect(obj.bounds.rankin).toBeCloseTo(-1 / 3, 15);
    expect(obj.bounds.orthoplex).toBeNull();
    expect(typeof obj.timeMs).toBe('number');
  });

  it('runs every registered method with its defaults (or says why it cannot)', () => {
    for (const m of METHODS) {
      const steps = m.params.some((p) => p.name === 'steps') ? ['--steps', '5'] : [];
      const r = cli(['prototypes', '-m', m.id, '-N', '6', '-n', '8', '--seed', '1', ...steps]);
      if (r.code === 3) {
        expectError(r, 3, new RegExp(`${m.id} cannot run at N = 6, n = 8`));
        continue;
      }
      const obj = json(r);
      const keys = [...REPORT_KEYS];
      if ('steps' in obj) keys.splice(5, 0, 'steps');
      // best reports which route won, right after steps.
      if (m.id === 'best') {
        expect(typeof obj.route, m.id).toBe('string');
        keys.splice(keys.indexOf('steps') + 1, 0, 'route');
      }
      if (m.params.some((p) => p.name === 'steps')) expect(obj.params.steps, m.id).toBe(5);
      if ('code' in obj) {
        keys.splice(keys.length - 1, 0, 'code');
        expect(Object.keys(obj.code), m.id).toEqual(CODE_KEYS);
      }
      expect(Object.keys(obj), m.id).toEqual(keys);
      expect(Object.keys(obj.params).sort(), m.id).toEqual(m.params.map((p) => p.name).sort());
      expect(obj.prototypes, m.id).toHaveLength(6);
      expect(obj.prototypes[0], m.id).toHaveLength(8);
    }
  });

  it('draws a progress bar with --progress and stops an optimiser at its --budget', () => {
    const r = cli([
      'prototypes',
      '-m',
      'lse',
      '-N',
      '40',
      '-n',
      '8',
      '--steps',
      '1000000',
      '--budget',
      '0.3',
      '--progress',
    ]);
    expect(r.code).toBe(0);
    const obj = json(r);
    expect(obj.params.budget).toBe(0.3);
    expect(obj.steps).toBeGreaterThan(0);
    expect(obj.steps).toBeLessThan(1_000_000);
    const lines = r.err.trim().split('\n');
    expect(lines.at(-1)).toMatch(
      /^lse N=40 n=8: \[#{20}\] +99%|^lse N=40 n=8: \[[#.]{20}\] +\d+%$/,
    );
    expect(lines.every((l) => /^lse N=40 n=8: \[[#.]{20}\] +\d+%$/.test(l))).toBe(true);
    expect(cli(['prototypes', '-m', 'kasarla', '-N', '4', '-n', '3', '--progress=yes']).code).toBe(
      2,
    );
  });

  it('reports the resolved parameters, including booleans given as flags', () => {
    for (const m of METHODS) {
      const bool = m.params.find((p) => p.kind === 'boolean');
      if (!bool) continue;
      const flag = bool.default ? `--no-${bool.flag}` : `--${bool.flag}`;
      const steps = m.params.some((p) => p.name === 'steps') ? ['--steps', '2'] : [];
      const r = cli(['prototypes', '-m', m.id, '-N', '4', '-n', '4', flag, ...steps]);
      if (r.code === 3) continue;
      expect(json(r).params[bool.name], `${m.id} ${flag}`).toBe(!bool.default);
    }
  });

  it("shows progress on a terminal's stderr only, and clears it; stdout stays clean JSON", () => {
    const optimiser = METHODS.find((m) => m.params.some((p) => p.name === 'steps'));
    if (!optimiser) return;
    const argv = ['prototypes', '-m', optimiser.id, '-N', '6', '-n', '4', '--steps', '20'];
    const tty = cli(argv, { tty: true });
    expect(tty.err).toMatch(/^\r.*\d+%/);
    expect(tty.err.endsWith('\r\x1b[K')).toBe(true);
    expect(json(tty).method).toBe(optimiser.id);
    expect(cli(argv).err).toBe('');
  });

  it('gives bit-identical output for the same seed', () => {
    const argv = ['prototypes', '-m', 'random', '-N', '30', '-n', '6', '--seed', '7'];
    const a = json(cli(argv));
    const b = json(cli(argv));
    expect(a.prototypes).toEqual(b.prototypes);
    expect(a.metrics).toEqual(b.metrics);
    const csv1 = cli([...argv, '--format', 'csv']);
    const csv2 = cli([...argv, '--format', 'csv']);
    expect(csv1.code).toBe(0);
    expect(csv1.out).toBe(csv2.out);
    expect(csv1.out.split('\n')).toHaveLength(31);
    for (const name of ['s1.npy', 's2.npy'])
      expect(cli([...argv, '-o', join(dir, name)]).code).toBe(0);
    expect(
      Buffer.compare(readFileSync(join(dir, 's1.npy')), readFileSync(join(dir, 's2.npy'))),
    ).toBe(0);
    const other = json(cli(['prototypes', '-m', 'random', '-N', '30', '-n', '6', '--seed', '8']));
    expect(other.prototypes).not.toEqual(a.prototypes);
  });

  it('writes --out files silently (format from the extension or --format) and keeps stdout empty', () => {
    const base = ['prototypes', '-m', 'kasarla', '-N', '5', '-n', '4'];
    for (const [name, extra] of [
      ['k.json', []],
      ['k.csv', []],
      ['k32.npy', []],
      ['k64.npy', ['--dtype', 'float64']],
      ['k.data', ['--format', 'csv']],
    ] as const) {
      const r = cli([...base, '-o', join(dir, name), ...extra]);
      expect(r, name).toEqual({ code: 0, out: '', err: '' });
    }
    expect(readNpy(readFileSync(join(dir, 'k32.npy'))).dtype).toBe('float32');
    expect(readNpy(readFileSync(join(dir, 'k64.npy'))).dtype).toBe('float64');
    expect(readFileSync(join(dir, 'k.data'), 'utf8')).toBe(
      readFileSync(join(dir, 'k.csv'), 'utf8'),
    );
    expect(readFileSync(join(dir, 'k.csv'), 'utf8').split('\n')[0].split(',')).toHaveLength(4);
    // On a terminal: a one-line summary on stderr, still nothing on stdout.
    const tty = cli([...base, '-o', join(dir, 'k2.json')], { tty: true });
    expect(tty.out).toBe('');
    expect(tty.err).toMatch(/^wrote .*k2\.json: kasarla/);
  });
});

describe('metrics FILE', () => {
  function roundTrip(method: string, N: number, n: number) {
    const base = ['prototypes', '-m', method, '-N', String(N), '-n', String(n), '--seed', '3'];
    const made = json(cli(base));
    const files = {
      json: join(dir, `${method}.json`),
      csv: join(dir, `${method}.csv`),
      npy64: join(dir, `${method}64.npy`),
      npy32: join(dir, `${method}32.npy`),
    };
    expect(cli([...base, '-o', files.json]).code).toBe(0);
    expect(cli([...base, '-o', files.csv]).code).toBe(0);
    expect(cli([...base, '-o', files.npy64, '--dtype', 'float64']).code).toBe(0);
    expect(cli([...base, '-o', files.npy32]).code).toBe(0);
    const measured = Object.fromEntries(
      Object.entries(files).map(([k, f]) => [k, json(cli(['metrics', f]))]),
    );
    return { made, measured };
  }

  it('reports the same metrics for json, csv and float64 npy (identical) and float32 npy (1e-6)', () => {
    const { made, measured } = roundTrip('random', 40, 7);
    expect(Object.keys(measured.json)).toEqual(REPORT_KEYS.filter((k) => k !== 'prototypes'));
    expect(measured.json).toMatchObject({ method: 'random', N: 40, n: 7, seed: 3, params: {} });
    expect(typeof measured.json.timeMs).toBe('number');
    for (const k of ['csv', 'npy64', 'npy32']) {
      expect(Object.keys(measured[k]), k).toEqual([
        'method',
        'N',
        'n',
        'seed',
        'metrics',
        'bounds',
        'timeMs',
      ]);
      expect(measured[k], k).toMatchObject({ method: null, N: 40, n: 7, seed: null, timeMs: null });
      expect(measured[k].bounds, k).toEqual(made.bounds);
    }
    for (const k of ['json', 'csv', 'npy64']) expect(measured[k].metrics, k).toEqual(made.metrics);
    for (const key of METRIC_KEYS) {
      const tol = key === 'minAngleDeg' ? 1e-4 : 1e-6;
      expect(Math.abs(measured.npy32.metrics[key] - made.metrics[key]), key).toBeLessThan(tol);
    }
  });

  it.skipIf(!hasCodeMethod)(
    'is exact for code methods even from float32, and keeps the code from JSON',
    () => {
      const { made, measured } = roundTrip('rm', 40, 16);
      for (const k of ['json', 'csv', 'npy64', 'npy32'])
        expect(measured[k].metrics, k).toEqual(made.metrics);
      expect(measured.json.code).toEqual(made.code);
    },
  );

  it('reads stdin with -', () => {
    const text = '1,0,0\n0,1,0\n0,0,1\n';
    const r = json(cli(['metrics', '-'], { stdin: new TextEncoder().encode(text) }));
    expect(r.metrics.maxCosine).toBe(0);
    expect([r.N, r.n]).toEqual([3, 3]);
  });

  it('renormalises rows only when needed, and says what is wrong with bad files', () => {
    const scaled = join(dir, 'scaled.csv');
    writeFileSync(scaled, '2,0\n0,3\n-5,0\n');
    const r = json(cli(['metrics', scaled]));
    expect(r.metrics.maxCosine).toBe(0);
    expect(r.metrics.meanCosine).toBe(-1 / 3);
    const bad: [string, string | Uint8Array, RegExp][] = [
      [
        'ragged.csv',
        '1,0\n0,1,2\n',
        /ragged\.csv \(read as csv\): CSV line 2: 3 values, but line 1 has 2/,
      ],
      ['words.csv', '1,0\n0,x\n', /CSV line 2, field 2: "x" is not a finite number/],
      ['broken.json', '{"prototypes": [[1, 0],', /broken\.json \(read as json\): invalid JSON/],
      ['metrics.json', '{"metrics": {}}', /no "prototypes" array/],
      [
        'short.npy',
        new Uint8Array([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1]),
        /short\.npy \(read as npy\): truncated \.npy file/,
      ],
      ['fake.npy', 'hello', /not a \.npy file/],
      ['zero.csv', '1,0\n0,0\n', /zero\.csv: prototype 1 \(row 2\) is all zeros/],
      ['one.csv', '1,0\n', /one\.csv: the file holds 1 prototype; separation needs at least two/],
    ];
    for (const [name, content, message] of bad) {
      writeFileSync(join(dir, name), content);
      expectError(cli(['metrics', join(dir, name)]), 2, message);
    }
    // A truncated npy written by us.
    const good = readFileSync(join(dir, 's1.npy'));
    writeFileSync(join(dir, 'cut.npy'), good.subarray(0, good.length - 3));
    expectError(
      cli(['metrics', join(dir, 'cut.npy')]),
      2,
      /truncated \.npy file: shape \(30, 6\) of float32 needs 720 data bytes, but only 717/,
    );
    // No extension: sniffed from the content.
    writeFileSync(join(dir, 'noext'), good);
    expect(json(cli(['metrics', join(dir, 'noext')])).N).toBe(30);
    expectError(
      cli(['metrics', join(dir, 'missing.npy')]),
      2,
      /cannot read .*missing\.npy: no such file or directory/,
    );
    expectError(cli(['metrics', dir]), 2, /it is a directory/);
  });
});

describe('errors', () => {
  it('bad arguments: exit 2, one error line, nothing on stdout', () => {
    const cases: [string[], RegExp][] = [
      [['nope'], /unknown command "nope"/],
      [['prototypes', '-N', '4', '-n', '3'], /needs --method/],
      [
        ['prototypes', '-m', 'nope', '-N', '4', '-n', '3'],
        /unknown method "nope" \(allowed: random/,
      ],
      [['prototypes', '-m', 'kasarla', '-N', '4'], /needs -n/],
      [['prototypes', '-m', 'kasarla', '-N', 'x', '-n', '3'], /-N must be a whole number/],
      [
        ['prototypes', '-m', 'kasarla', '-N', '4', '-n', '3', '--steps', '10'],
        /--steps is a flag of .*, not of kasarla|unknown flag --steps/,
      ],
      [['prototypes', '-m', 'kasarla', '-N', '4', '-n', '3', '--format', 'npy'], /needs --out/],
      [
        [
          'prototypes',
          '-m',
          'kasarla',
          '-N',
          '4',
          '-n',
          '3',
          '-o',
          join(dir, 'no', 'such', 'dir.json'),
        ],
        /cannot write .*: no such file or directory/,
      ],
      [['metrics'], /metrics needs a FILE/],
      [['help', 'nope'], /no help on "nope" \(commands: prototypes, metrics, train, experiment;/],
    ];
    for (const [argv, message] of cases) expectError(cli(argv), 2, message);
  });

  it('a method that cannot run at (N, n): exit 3 with the reason', () => {
    expectError(
      cli(['prototypes', '-m', 'onehot', '-N', '10', '-n', '3']),
      3,
      /onehot cannot run at N = 10, n = 3: one-hot needs N <= n/,
    );
    expectError(
      cli(['prototypes', '-m', 'kasarla', '-N', '10', '-n', '3']),
      3,
      /kasarla cannot run/,
    );
  });

  it('an unexpected failure: exit 1, one line, no stack trace', () => {
    const err: string[] = [];
    const code = runCli(['prototypes', '-m', 'kasarla', '-N', '4', '-n', '3'], {
      stdout: {
        write: () => {
          throw new Error('disk on fire\n    at somewhere (x.ts:1:1)');
        },
      },
      stderr: { write: (s: string) => err.push(s) },
    });
    expect(code).toBe(1);
    expect(err).toEqual(['error: disk on fire at somewhere (x.ts:1:1)\n']);
  });

  it('help lists every command, every method with its flags and defaults, and exits 0', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    for (const word of [
      'prototypes',
      'metrics',
      '--method',
      '-N <int>',
      '-n <int>',
      '--seed',
      '--steps',
      '--format',
      '--dtype',
      '--out',
    ]) {
      expect(r.out).toContain(word);
    }
    for (const m of METHODS) {
      expect(r.out).toMatch(new RegExp(`\\n  ${m.id} +\\S`));
      for (const p of m.params) {
        expect(r.out, `${m.id} --${p.flag}`).toContain(`--${p.flag}`);
        expect(r.out, `${m.id} --${p.flag}`).toContain(
          p.kind === 'boolean' ? `(default ${p.default ? 'on' : 'off'})` : `(default ${p.default}`,
        );
      }
    }
    expect(r.out.split('\n').every((line) => line.length <= 100)).toBe(true);
    expect(cli(['help']).out).toBe(r.out);
    expect(cli(['prototypes', '--help']).out).toBe(r.out);
    expect(cli(['metrics', '--help']).out).toMatch(/^Usage: hypersphere-lab metrics FILE/);
    expect(cli(['--version']).out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

/** The installed command, end to end: a handful of real processes, run in parallel. */
describe('bin/hypersphere-lab.mjs and bin/run-ts.mjs', () => {
  interface Proc {
    code: number | null;
    out: string;
    err: string;
  }
  const node = (args: string[], cwd = dir) =>
    new Promise<Proc>((done) => {
      const child = spawn(process.execPath, args, { cwd });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => {
        out += d;
      });
      child.stderr.on('data', (d) => {
        err += d;
      });
      child.on('close', (code) => done({ code, out, err }));
    });
  const results: Record<string, Proc> = {};

  beforeAll(async () => {
    const script = join(dir, 'hello.ts');
    writeFileSync(
      script,
      'const words: string[] = process.argv.slice(2);\nconsole.log(JSON.stringify({ file: process.argv[1], words }));\n',
    );
    const npy = join(dir, 'spawned.npy');
    const jobs: Record<string, Promise<Proc>> = {
      kasarla: node([BIN, 'prototypes', '--method', 'kasarla', '-N', '4', '-n', '3']),
      help: node([BIN, '--help']),
      bad: node([BIN, 'prototypes', '--method', 'kasarla', '-N', '4', '-n', '3', '--lr', '0.1']),
      infeasible: node([BIN, 'prototypes', '--method', 'onehot', '-N', '10', '-n', '3']),
      npyMetrics: node([
        BIN,
        'prototypes',
        '--method',
        'kasarla',
        '-N',
        '4',
        '-n',
        '3',
        '--out',
        npy,
      ]).then(async (w) => (w.code === 0 ? node([BIN, 'metrics', 'spawned.npy']) : w)),
      runTs: node([join(ROOT, 'bin', 'run-ts.mjs'), 'hello.ts', 'a', 'b c']),
    };
    for (const [k, p] of Object.entries(jobs)) results[k] = await p;
  }, 60_000);

  it('runs from another working directory and prints the JSON report', () => {
    const r = results.kasarla;
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe('');
    const obj = JSON.parse(r.out);
    expect(Object.keys(obj)).toEqual(REPORT_KEYS);
    expect(Math.abs(obj.metrics.maxCosine + 1 / 3)).toBeLessThan(1e-12);
  });

  it('prints help with every method', () => {
    expect(results.help.code).toBe(0);
    for (const m of METHODS) expect(results.help.out).toContain(`  ${m.id} `);
  });

  it('exits 2 (bad flag) and 3 (infeasible) with one error line and no stack trace', () => {
    expect(results.bad.code).toBe(2);
    expect(results.bad.out).toBe('');
    expect(results.bad.err).toMatch(/^error: --lr is a flag of [^\n]*, not of kasarla[^\n]*\n$/);
    expect(results.infeasible.code).toBe(3);
    expect(results.infeasible.out).toBe('');
    expect(results.infeasible.err).toMatch(/^error: onehot cannot run at N = 10, n = 3: [^\n]+\n$/);
  });

  it('measures a float32 .npy file it wrote', () => {
    const r = results.npyMetrics;
    expect(r.code, r.err).toBe(0);
    const obj = JSON.parse(r.out);
    expect(obj).toMatchObject({ method: null, N: 4, n: 3, seed: null });
    expect(Math.abs(obj.metrics.maxCosine + 1 / 3)).toBeLessThan(1e-6);
  });

  it('run-ts.mjs runs a TypeScript file with its arguments', () => {
    const r = results.runTs;
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ file: join(dir, 'hello.ts'), words: ['a', 'b c'] });
  });
});
