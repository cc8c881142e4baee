import { describe, expect, it } from 'vitest';
import { METHODS } from '../core/methods/registry.ts';
import type { ParamSpec } from '../core/methods/types.ts';
import { COMMON_FLAGS, paramFlagText, parseArgs, UsageError } from './args.ts';

function usageError(argv: string[]): string {
  try {
    parseArgs(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`no error for ${argv.join(' ')}`);
}

const base = ['prototypes', '--method', 'kasarla', '-N', '4', '-n', '3'];

describe('parseArgs', () => {
  it('reads the prototypes command in any flag order and spelling', () => {
    const a = parseArgs([
      'prototypes',
      '-N',
      '100',
      '-n=64',
      '--seed=5',
      '-m',
      'random',
      '--out',
      'p.npy',
      '--dtype',
      'float64',
    ]);
    expect(a).toMatchObject({
      kind: 'prototypes',
      N: 100,
      n: 64,
      seed: 5,
      format: 'npy',
      dtype: 'float64',
      out: 'p.npy',
    });
    expect(a.kind === 'prototypes' && a.method.id).toBe('random');
    expect(parseArgs(['prototypes', '-N100', '-n', '3', '--method=kasarla'])).toMatchObject({
      N: 100,
      n: 3,
      seed: 0,
      format: 'json',
      out: null,
      dtype: 'float32',
    });
    expect(parseArgs([...base, '--format', 'csv'])).toMatchObject({ format: 'csv', out: null });
    expect(parseArgs([...base, '-o', 'x.CSV'])).toMatchObject({ format: 'csv', out: 'x.CSV' });
    expect(parseArgs([...base, '-o', 'x.txt', '--format', 'json'])).toMatchObject({
      format: 'json',
    });
  });

  it('reads help, version and metrics', () => {
    expect(parseArgs([])).toEqual({ kind: 'help', topic: null });
    expect(parseArgs(['--help'])).toEqual({ kind: 'help', topic: null });
    expect(parseArgs(['help'])).toEqual({ kind: 'help', topic: null });
    expect(parseArgs(['help', 'metrics'])).toEqual({ kind: 'help', topic: 'metrics' });
    expect(parseArgs(['prototypes', '--help'])).toEqual({ kind: 'help', topic: 'prototypes' });
    expect(parseArgs([...base, '-h'])).toEqual({ kind: 'help', topic: 'prototypes' });
    expect(parseArgs(['--version'])).toEqual({ kind: 'version' });
    expect(parseArgs(['metrics', 'p.npy'])).toEqual({ kind: 'metrics', file: 'p.npy' });
    expect(parseArgs(['metrics', '-'])).toEqual({ kind: 'metrics', file: '-' });
  });

  it('turns every method parameter into a flag', () => {
    for (const m of METHODS) {
      for (const p of m.params) {
        const argv = [...base.slice(0, 2), m.id, '-N', '4', '-n', '3'];
        const cases: [string[], unknown][] = [];
        if (p.kind === 'number')
          cases.push([[`--${p.flag}`, String(p.max)], p.max], [[`--${p.flag}=${p.min}`], p.min]);
        if (p.kind === 'choice') {
          const last = p.options[p.options.length - 1];
          cases.push([[`--${p.flag}`, last], last]);
        }
        if (p.kind === 'boolean') {
          cases.push([[`--${p.flag}`], true], [[`--${p.flag}=false`], false]);
          if (p.default) cases.push([[`--no-${p.flag}`], false]);
        }
        for (const [flags, value] of cases) {
          const a = parseArgs([...argv, ...flags]);
          expect(a.kind === 'prototypes' && a.params, `${m.id} ${flags.join(' ')}`).toEqual({
            [p.name]: value,
          });
        }
      }
    }
  });

  it('has no method flag that clashes with a common flag or another flag of the same method', () => {
    const reserved = new Set([...Object.keys(COMMON_FLAGS), 'help', 'h', 'version', 'V']);
    for (const m of METHODS) {
      const seen = new Set<string>();
      const spellings = (p: ParamSpec) =>
        p.kind === 'boolean' && p.default ? [p.flag, `no-${p.flag}`] : [p.flag];
      for (const p of m.params) {
        expect(p.flag, `${m.id}.${p.name}`).toMatch(/^[a-z][a-z0-9-]*$/);
        for (const s of spellings(p)) {
          expect(reserved.has(s), `${m.id} --${s} clashes with a common flag`).toBe(false);
          expect(seen.has(s), `${m.id} --${s} appears twice`).toBe(false);
          seen.add(s);
        }
      }
    }
    expect(
      paramFlagText({
        kind: 'boolean',
        name: 'momentum',
        flag: 'momentum',
        label: '',
        description: '',
        default: true,
      }),
    ).toBe('--momentum/--no-momentum');
    expect(
      paramFlagText({
        kind: 'boolean',
        name: 'x',
        flag: 'x',
        label: '',
        description: '',
        default: false,
      }),
    ).toBe('--x');
  });

  it('says what is wrong and what is allowed', () => {
    const ids = METHODS.map((m) => m.id).join(', ');
    expect(usageError(['frobnicate'])).toMatch(
      /unknown command "frobnicate" \(commands: prototypes, metrics, train, experiment, help/,
    );
    expect(usageError(['-N', '4'])).toMatch(/-N needs a command first/);
    expect(usageError(['prototypes', '-N', '4', '-n', '3'])).toBe(
      `prototypes needs --method (one of: ${ids})`,
    );
    expect(usageError(['prototypes', '--method'])).toMatch(/--method needs a value/);
    expect(usageError(['prototypes', '--method', 'nope'])).toBe(
      `unknown method "nope" (allowed: ${ids})`,
    );
    expect(usageError(['prototypes', '-m', 'kasarla', '-m', 'random'])).toMatch(
      /given more than once/,
    );
    expect(usageError(['prototypes', '-m', 'kasarla', '-n', '3'])).toMatch(
      /needs -N, the number of prototypes \(2 to 20000\)/,
    );
    expect(usageError(['prototypes', '-m', 'kasarla', '-N', '3'])).toMatch(
      /needs -n, the dimension \(2 to 4096\)/,
    );
    expect(usageError(['prototypes', '-m', 'kasarla', '-N', '-n', '3'])).toMatch(
      /-N needs a value/,
    );
    expect(usageError([...base.slice(0, 4), '1', '-n', '3'])).toBe(
      '-N must be a whole number from 2 to 20000, got "1"',
    );
    expect(usageError([...base.slice(0, 4), '20001', '-n', '3'])).toMatch(
      /from 2 to 20000, got "20001"/,
    );
    expect(usageError([...base.slice(0, 4), 'ten', '-n', '3'])).toMatch(/got "ten"/);
    expect(usageError([...base.slice(0, 4), '4.5', '-n', '3'])).toMatch(/got "4.5"/);
    expect(usageError([...base.slice(0, 6), '5000'])).toMatch(
      /-n must be a whole number from 2 to 4096/,
    );
    expect(usageError([...base, '-N', '5'])).toMatch(/-N is given more than once/);
    expect(usageError([...base, '--seed', '-1'])).toMatch(
      /--seed must be a whole number from 0 to 4294967295, got "-1"/,
    );
    expect(usageError([...base, '--seed', '4294967296'])).toMatch(/--seed must be/);
    expect(usageError([...base, '--frob'])).toMatch(
      /^unknown flag --frob \(kasarla takes no method flags; common flags: --method\/-m, -N, -n, --seed/,
    );
    expect(usageError([...base, 'extra'])).toMatch(/unexpected argument "extra"/);
    expect(usageError([...base, '--format', 'xml'])).toBe(
      'unknown format "xml" (allowed: json, csv, npy)',
    );
    expect(usageError([...base, '--format', 'npy'])).toMatch(
      /npy output is binary and needs --out FILE\.npy/,
    );
    expect(usageError([...base, '--dtype', 'float16', '-o', 'x.npy'])).toBe(
      'unknown dtype "float16" (allowed: float32, float64)',
    );
    expect(usageError([...base, '--dtype', 'float64'])).toMatch(
      /--dtype applies only to npy output/,
    );
    expect(usageError([...base, '-o', 'x.txt'])).toMatch(
      /cannot tell the format from the file name "x.txt"/,
    );
    expect(usageError([...base, '-o'])).toMatch(/-o needs a value/);
    expect(usageError(['metrics'])).toMatch(/metrics needs a FILE/);
    expect(usageError(['metrics', 'a', 'b'])).toMatch(/metrics takes one FILE, got 2/);
    expect(usageError(['metrics', 'a', '--x'])).toMatch(/metrics takes no flags/);
    expect(usageError(['help', 'a', 'b'])).toMatch(/help takes at most one topic/);
  });

  it("names the flags of the chosen method when given another method's flag", () => {
    const withParams = METHODS.find((m) => m.params.length > 0);
    const without = METHODS.find((m) => m.params.length === 0);
    if (!withParams || !without) return;
    const p = withParams.params[0];
    const value = p.kind === 'boolean' ? [] : [String(p.default)];
    const message = usageError([
      'prototypes',
      '-m',
      without.id,
      '-N',
      '2',
      '-n',
      '2',
      `--${p.flag}`,
      ...value,
    ]);
    expect(message).toMatch(
      new RegExp(
        `^--${p.flag} is a flag of .*${withParams.id}.*, not of ${without.id} \\(${without.id} takes no method flags`,
      ),
    );
    const other = usageError([
      'prototypes',
      '-m',
      withParams.id,
      '-N',
      '2',
      '-n',
      '2',
      '--nonsense',
    ]);
    expect(other).toContain(
      `${withParams.id} flags: ${withParams.params.map(paramFlagText).join(', ')}`,
    );
    if (p.kind === 'number') {
      expect(
        usageError(['prototypes', '-m', withParams.id, '-N', '2', '-n', '2', `--${p.flag}`, 'abc']),
      ).toMatch(new RegExp(`--${p.flag} must be a .*number from ${p.min} to ${p.max}, got "abc"`));
      expect(
        usageError([
          'prototypes',
          '-m',
          withParams.id,
          '-N',
          '2',
          '-n',
          '2',
          `--${p.flag}`,
          String(p.max * 2 + 1),
        ]),
      ).toMatch(new RegExp(`--${p.flag} must be`));
    }
  });
});
