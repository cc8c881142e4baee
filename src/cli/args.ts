/**
 * Command-line parsing for hypersphere-lab. Hand-written because the flags of `prototypes`
 * depend on the method: every method parameter (src/core/methods, ParamSpec) becomes a flag.
 * Pure: no Node APIs, so it can be tested directly.
 */
import type { NpyWriteDtype } from '../core/io/npy.ts';
import type { PrototypeFormat } from '../core/io/prototypeFile.ts';
import { formatFromFileName, PROTOTYPE_FORMATS } from '../core/io/prototypeFile.ts';
import { validateParam } from '../core/methods/params.ts';
import { LIMITS, METHODS } from '../core/methods/registry.ts';
import type { ParamSpec, ParamValue, PrototypeMethod } from '../core/methods/types.ts';

/** Bad command-line arguments: exit status 2, the message printed after `error: `. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Every command, for the messages that list them (train and experiment: train.ts, experiment.ts). */
export const COMMANDS = ['prototypes', 'metrics', 'train', 'experiment', 'help'] as const;

export type Command =
  | { readonly kind: 'help'; readonly topic: string | null }
  | { readonly kind: 'version' }
  | PrototypesCommand
  | { readonly kind: 'metrics'; readonly file: string };

export interface PrototypesCommand {
  readonly kind: 'prototypes';
  readonly method: PrototypeMethod;
  readonly N: number;
  readonly n: number;
  readonly seed: number;
  /** Only the parameters given on the command line (by param name); defaults are filled later. */
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly format: PrototypeFormat;
  readonly dtype: NpyWriteDtype;
  /** Draw a progress bar on stderr even when it is not a terminal. */
  readonly progress: boolean;
  /** Output file, or null for stdout. */
  readonly out: string | null;
}

/** Flags of `prototypes` that every method has (long name -> short alias). */
export const COMMON_FLAGS: Readonly<Record<string, string | null>> = {
  method: 'm',
  N: 'N',
  n: 'n',
  seed: null,
  format: null,
  dtype: null,
  out: 'o',
  progress: null,
};

const DTYPES: readonly NpyWriteDtype[] = ['float32', 'float64'];

/** One-letter flags: -N, -n, -m (--method), -o (--out), -h (--help), -V (--version). */
const SHORT_FLAGS = ['N', 'n', 'm', 'o', 'h', 'V'];

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

interface Token {
  /** Flag name without dashes ('N', 'lr', 'no-momentum'), or null for a positional argument. */
  readonly flag: string | null;
  /** How the flag was written ('-N', '--lr'), for messages. */
  readonly written: string;
  /** Value attached with '=' (or '-N100'), if any. */
  readonly inline: string | null;
}

function tokenize(argv: readonly string[]): Token[] {
  const out: Token[] = [];
  let rest = false;
  for (const a of argv) {
    if (rest || a === '-' || !a.startsWith('-') || NUMBER.test(a)) {
      out.push({ flag: null, written: a, inline: null });
    } else if (a === '--') {
      rest = true;
    } else if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      out.push({ flag: name, written: `--${name}`, inline: eq < 0 ? null : a.slice(eq + 1) });
    } else if (!SHORT_FLAGS.includes(a[1])) {
      // A long flag typed with one dash (-seed 3): read it as the long flag.
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(1) : a.slice(1, eq);
      out.push({ flag: name, written: `-${name}`, inline: eq < 0 ? null : a.slice(eq + 1) });
    } else {
      // A short flag: one letter, its value attached (-N100, -N=100) or in the next argument.
      const name = a[1];
      const attached = a.slice(2);
      out.push({
        flag: name,
        written: `-${name}`,
        inline: attached === '' ? null : attached.startsWith('=') ? attached.slice(1) : attached,
      });
    }
  }
  return out;
}

function isValueToken(t: Token | undefined): t is Token {
  return t !== undefined && t.flag === null;
}

/** Turns the arguments (without `node` and the script) into a command. Throws UsageError. */
export function parseArgs(argv: readonly string[]): Command {
  const tokens = tokenize(argv);
  const positional = tokens.filter((t) => t.flag === null);
  const command = tokens[0]?.flag === null ? tokens[0].written : null;
  const wantsHelp = tokens.some((t) => t.flag === 'help' || t.flag === 'h');
  if (wantsHelp) {
    return { kind: 'help', topic: command === 'help' ? (positional[1]?.written ?? null) : command };
  }
  if (tokens.some((t) => t.flag === 'version' || t.flag === 'V')) return { kind: 'version' };
  if (command === null) {
    const flag = tokens.find((t) => t.flag !== null);
    if (flag) {
      throw new UsageError(
        `${flag.written} needs a command first (commands: ${COMMANDS.join(', ')}; e.g. hypersphere-lab prototypes --method kasarla -N 4 -n 3)`,
      );
    }
    return { kind: 'help', topic: null };
  }
  const rest = tokens.slice(1);
  switch (command) {
    case 'help': {
      if (rest.length > 1)
        throw new UsageError(
          `help takes at most one topic (${COMMANDS.filter((c) => c !== 'help').join(', ')})`,
        );
      return { kind: 'help', topic: rest[0]?.written ?? null };
    }
    case 'metrics':
      return parseMetrics(rest);
    case 'prototypes':
      return parsePrototypes(rest);
    default:
      throw new UsageError(
        `unknown command "${command}" (commands: ${COMMANDS.join(', ')}; see hypersphere-lab --help)`,
      );
  }
}

function parseMetrics(tokens: readonly Token[]): Command {
  const flag = tokens.find((t) => t.flag !== null);
  if (flag)
    throw new UsageError(
      `metrics takes no flags, got ${flag.written} (usage: hypersphere-lab metrics FILE)`,
    );
  if (tokens.length === 0) {
    throw new UsageError(
      'metrics needs a FILE (.npy float32/float64, .csv or .json; - reads stdin)',
    );
  }
  if (tokens.length > 1) {
    throw new UsageError(
      `metrics takes one FILE, got ${tokens.length}: ${tokens.map((t) => t.written).join(' ')}`,
    );
  }
  return { kind: 'metrics', file: tokens[0].written };
}

/** The flag text of a parameter as help and messages show it. */
export function paramFlagText(spec: ParamSpec): string {
  if (spec.kind === 'boolean')
    return spec.default ? `--${spec.flag}/--no-${spec.flag}` : `--${spec.flag}`;
  return `--${spec.flag}`;
}

function methodFlagsText(method: PrototypeMethod): string {
  return method.params.length
    ? `${method.id} flags: ${method.params.map(paramFlagText).join(', ')}`
    : `${method.id} takes no method flags`;
}

function commonFlagsText(): string {
  return Object.entries(COMMON_FLAGS)
    .map(([name, short]) =>
      name.length === 1 ? `-${name}` : short ? `--${name}/-${short}` : `--${name}`,
    )
    .join(', ');
}

/** Finds --method/-m anywhere in the arguments, so it may come after the method's own flags. */
function findMethod(tokens: readonly Token[]): PrototypeMethod {
  const ids = METHODS.map((m) => m.id).join(', ');
  const found = tokens
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => t.flag === 'method' || t.flag === 'm');
  if (found.length === 0) throw new UsageError(`prototypes needs --method (one of: ${ids})`);
  if (found.length > 1) throw new UsageError('--method is given more than once');
  const { t, i } = found[0];
  const value = t.inline ?? (isValueToken(tokens[i + 1]) ? tokens[i + 1].written : null);
  if (value === null || value === '')
    throw new UsageError(`${t.written} needs a value (one of: ${ids})`);
  const method = METHODS.find((m) => m.id === value);
  if (!method) throw new UsageError(`unknown method "${value}" (allowed: ${ids})`);
  return method;
}

function parseWhole(written: string, value: string, range: { min: number; max: number }): number {
  const x = NUMBER.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(x) || x < range.min || x > range.max) {
    throw new UsageError(
      `${written} must be a whole number from ${range.min} to ${range.max}, got "${value}"`,
    );
  }
  return x;
}

function parseParamValue(spec: ParamSpec, written: string, value: string): ParamValue {
  let v: ParamValue;
  if (spec.kind === 'number') {
    if (!NUMBER.test(value)) {
      throw new UsageError(
        `${written} must be a ${spec.integer ? 'whole number' : 'number'} from ${spec.min} to ${spec.max}, got "${value}"`,
      );
    }
    v = Number(value);
  } else if (spec.kind === 'boolean') {
    if (value !== 'true' && value !== 'false') {
      throw new UsageError(`${written} takes no value (or =true/=false), got "${value}"`);
    }
    v = value === 'true';
  } else {
    v = value;
  }
  const problem = validateParam(spec, v);
  if (problem) {
    // validateParam names the flag without dashes; say it as it was typed.
    throw new UsageError(problem.startsWith(spec.flag) ? `--${problem}` : `${written}: ${problem}`);
  }
  return v;
}

function parsePrototypes(tokens: readonly Token[]): PrototypesCommand {
  const method = findMethod(tokens);
  const byFlag = new Map<string, ParamSpec>();
  for (const spec of method.params) byFlag.set(spec.flag, spec);
  // --steps always means the optimiser's steps parameter, whatever its own flag is called.
  const steps = method.params.find((p) => p.name === 'steps');
  if (steps && !byFlag.has('steps')) byFlag.set('steps', steps);
  const seen = new Set<string>();
  const once = (key: string, written: string) => {
    if (seen.has(key)) throw new UsageError(`${written} is given more than once`);
    seen.add(key);
  };
  let N: number | null = null;
  let n: number | null = null;
  let seed = 0;
  let format: PrototypeFormat | null = null;
  let dtype: NpyWriteDtype | null = null;
  let progress = false;
  let out: string | null = null;
  const params: Record<string, ParamValue> = {};

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.flag === null) {
      throw new UsageError(
        `unexpected argument "${t.written}" (prototypes takes only flags: ${commonFlagsText()}; ${methodFlagsText(method)})`,
      );
    }
    const takeValue = (what: string): string => {
      if (t.inline !== null) return t.inline;
      const next = tokens[i + 1];
      if (!isValueToken(next)) throw new UsageError(`${t.written} needs a value (${what})`);
      i++;
      return next.written;
    };
    const name = t.flag;
    // Common flags.
    if (name === 'method' || name === 'm') {
      takeValue('a method id');
      continue;
    }
    if (name === 'N') {
      once('N', t.written);
      N = parseWhole('-N', takeValue(`${LIMITS.N.min} to ${LIMITS.N.max}`), LIMITS.N);
      continue;
    }
    if (name === 'n') {
      once('n', t.written);
      n = parseWhole('-n', takeValue(`${LIMITS.n.min} to ${LIMITS.n.max}`), LIMITS.n);
      continue;
    }
    if (name === 'seed') {
      once('seed', t.written);
      seed = parseWhole(
        '--seed',
        takeValue(`${LIMITS.seed.min} to ${LIMITS.seed.max}`),
        LIMITS.seed,
      );
      continue;
    }
    if (name === 'format') {
      once('format', t.written);
      const v = takeValue(PROTOTYPE_FORMATS.join(', '));
      if (!(PROTOTYPE_FORMATS as readonly string[]).includes(v)) {
        throw new UsageError(`unknown format "${v}" (allowed: ${PROTOTYPE_FORMATS.join(', ')})`);
      }
      format = v as PrototypeFormat;
      continue;
    }
    if (name === 'progress') {
      once('progress', t.written);
      if (t.inline !== null) throw new UsageError('--progress takes no value');
      progress = true;
      continue;
    }
    if (name === 'dtype') {
      once('dtype', t.written);
      const v = takeValue(DTYPES.join(', '));
      if (!(DTYPES as readonly string[]).includes(v)) {
        throw new UsageError(`unknown dtype "${v}" (allowed: ${DTYPES.join(', ')})`);
      }
      dtype = v as NpyWriteDtype;
      continue;
    }
    if (name === 'out' || name === 'o') {
      once('out', t.written);
      out = takeValue('a file name ending in .json, .csv or .npy');
      if (out === '') throw new UsageError(`${t.written} needs a file name`);
      continue;
    }
    // Method parameters: --flag VALUE, --flag=VALUE; booleans --flag, --no-flag, --flag=true|false.
    const negated = name.startsWith('no-') && byFlag.get(name.slice(3))?.kind === 'boolean';
    const spec = byFlag.get(negated ? name.slice(3) : name);
    if (!spec) throw unknownFlag(t.written, name, method);
    once(spec.name, `--${spec.flag}`);
    if (spec.kind === 'boolean') {
      if (negated) {
        if (t.inline !== null) throw new UsageError(`${t.written} takes no value`);
        params[spec.name] = false;
      } else {
        params[spec.name] = t.inline === null ? true : parseParamValue(spec, t.written, t.inline);
      }
      continue;
    }
    const what =
      spec.kind === 'number'
        ? `${spec.integer ? 'a whole number' : 'a number'} from ${spec.min} to ${spec.max}`
        : `one of ${spec.options.join(', ')}`;
    params[spec.name] = parseParamValue(spec, t.written, takeValue(what));
  }

  if (N === null)
    throw new UsageError(
      `prototypes needs -N, the number of prototypes (${LIMITS.N.min} to ${LIMITS.N.max})`,
    );
  if (n === null)
    throw new UsageError(`prototypes needs -n, the dimension (${LIMITS.n.min} to ${LIMITS.n.max})`);

  if (format === null) {
    if (out === null) format = 'json';
    else {
      format = formatFromFileName(out);
      if (format === null) {
        throw new UsageError(
          `cannot tell the format from the file name "${out}" (use a .json, .csv or .npy name, or --format ${PROTOTYPE_FORMATS.join('|')})`,
        );
      }
    }
  }
  if (format === 'npy' && out === null) {
    throw new UsageError(
      'npy output is binary and needs --out FILE.npy (stdout takes json or csv)',
    );
  }
  if (dtype !== null && format !== 'npy') {
    throw new UsageError(
      `--dtype applies only to npy output (${format} always keeps full float64 precision)`,
    );
  }
  return {
    kind: 'prototypes',
    method,
    N,
    n,
    seed,
    params,
    format,
    dtype: dtype ?? 'float32',
    out,
    progress,
  };
}

function unknownFlag(written: string, name: string, method: PrototypeMethod): UsageError {
  const bare = name.startsWith('no-') ? name.slice(3) : name;
  const owners = METHODS.filter((m) => m.params.some((p) => p.flag === bare)).map((m) => m.id);
  const where = owners.length
    ? `${written} is a flag of ${owners.join(', ')}, not of ${method.id}`
    : `unknown flag ${written}`;
  return new UsageError(
    `${where} (${methodFlagsText(method)}; common flags: ${commonFlagsText()})`,
  );
}
