/**
 * The JSON report the CLI prints: one object with the run, its prototypes (optional), their
 * separation metrics, the bounds at (N, n), the code behind them (code methods only) and the
 * time taken. Numbers are written by JSON.stringify, which round-trips every float64 exactly.
 *
 *   {"method", "N", "n", "seed", "params", "steps"?, "prototypes"?, "metrics", "bounds",
 *    "code"?, "timeMs"}
 */
import type { Codebook } from '../math/codebook.ts';
import { createCodebook } from '../math/codebook.ts';
import type { CodeInfo, ParamValue } from '../methods/types.ts';
import type { SeparationMetrics } from '../metrics/separation.ts';

/** The `code` object: the facts about the binary code behind code-based prototypes. */
export interface ReportCode {
  readonly n: number;
  readonly k: number;
  readonly d: number;
  readonly designedDistance: number;
  readonly minimumDistance: number | null;
  readonly name: string;
}

export interface PrototypeReport {
  /** Method id, or null when unknown (prototypes read from a file). */
  readonly method: string | null;
  readonly N: number;
  readonly n: number;
  /** Seed, or null when unknown. */
  readonly seed: number | null;
  /** The resolved method parameters (defaults filled in), when known. */
  readonly params?: Readonly<Record<string, ParamValue>>;
  /** Optimiser steps actually run, when the method reports them. */
  readonly steps?: number;
  /** Which route won, for methods that choose among several (`best`). */
  readonly route?: string;
  /** The N x n prototypes, row-major. Left out by `metrics`. */
  readonly prototypes?: Codebook;
  readonly metrics: SeparationMetrics;
  /** Every bound at (N, n) (at least rankin, orthoplex, gilbertVarshamov); null = not applicable. */
  readonly bounds: Readonly<Record<string, number | null>>;
  readonly code?: ReportCode;
  /** Milliseconds the method took, or null when unknown. */
  readonly timeMs: number | null;
}

/** A JSON file that cannot be read as prototypes; the message says what is wrong. */
export class JsonFormatError extends Error {
  override name = 'JsonFormatError';
}

export function reportCode(code: CodeInfo): ReportCode {
  return {
    n: code.n,
    k: code.k,
    d: code.d,
    designedDistance: code.designedDistance,
    minimumDistance: code.minimumDistance,
    name: code.name,
  };
}

/** The metric keys, in the order they are written. */
export const METRIC_KEYS = ['maxCosine', 'minAngleDeg', 'meanCosine', 'meanRowMaxCosine'] as const;

function orderedMetrics(m: SeparationMetrics): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of METRIC_KEYS) out[k] = m[k];
  return out;
}

function indentJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
}

/**
 * Yields the report as pretty JSON text in chunks (one prototype per line), so that large
 * codebooks can be streamed without building one huge string. The concatenation is one JSON
 * object followed by a newline.
 */
export function* reportJsonChunks(report: PrototypeReport, rowsPerChunk = 256): Generator<string> {
  const head: [string, unknown][] = [
    ['method', report.method],
    ['N', report.N],
    ['n', report.n],
    ['seed', report.seed],
  ];
  if (report.params !== undefined) head.push(['params', report.params]);
  if (report.steps !== undefined) head.push(['steps', report.steps]);
  if (report.route !== undefined) head.push(['route', report.route]);
  let out = '{';
  let first = true;
  const field = (key: string, value: unknown) => {
    out += `${first ? '' : ','}\n  ${JSON.stringify(key)}: ${indentJson(value)}`;
    first = false;
  };
  for (const [k, v] of head) field(k, v);
  const protos = report.prototypes;
  if (protos) {
    out += `,\n  "prototypes": [`;
    const { N, n, data } = protos;
    let lines: string[] = [];
    for (let i = 0; i < N; i++) {
      const row = new Array<string>(n);
      for (let k = 0; k < n; k++) row[k] = jsonNumber(data[i * n + k]);
      lines.push(`${i ? ',' : ''}\n    [${row.join(', ')}]`);
      if (lines.length >= rowsPerChunk) {
        out += lines.join('');
        yield out;
        out = '';
        lines = [];
      }
    }
    out += `${lines.join('')}\n  ]`;
  }
  field('metrics', orderedMetrics(report.metrics));
  field('bounds', report.bounds);
  if (report.code) field('code', report.code);
  field('timeMs', report.timeMs);
  out += '\n}\n';
  yield out;
}

/** The report as one JSON string (small codebooks, tests). */
export function stringifyReport(report: PrototypeReport): string {
  return Array.from(reportJsonChunks(report)).join('');
}

function jsonNumber(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`cannot write ${x} to JSON`);
  return JSON.stringify(x);
}

/** What a JSON prototype file holds: the prototypes and whatever is known about their making. */
export interface ParsedPrototypeJson {
  readonly codebook: Codebook;
  readonly method: string | null;
  readonly seed: number | null;
  readonly params?: Readonly<Record<string, ParamValue>>;
  readonly steps?: number;
  readonly code?: ReportCode;
  readonly timeMs: number | null;
}

/**
 * Reads prototypes from JSON: our report object (with "prototypes"), or a bare array of rows.
 * Throws JsonFormatError with a readable message when the text is not that.
 */
export function parsePrototypeJson(text: string): ParsedPrototypeJson {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new JsonFormatError(`invalid JSON: ${(e as Error).message}`);
  }
  if (Array.isArray(value)) {
    return {
      codebook: rowsToCodebook(value, 'the top-level array'),
      method: null,
      seed: null,
      timeMs: null,
    };
  }
  if (value === null || typeof value !== 'object') {
    throw new JsonFormatError(
      'JSON prototypes must be an object with "prototypes" or an array of rows',
    );
  }
  const obj = value as Record<string, unknown>;
  if (!('prototypes' in obj)) {
    throw new JsonFormatError(
      'JSON object has no "prototypes" array (a report printed with --out FILE.json or by `prototypes` has one; `metrics` output does not)',
    );
  }
  const codebook = rowsToCodebook(obj.prototypes, '"prototypes"');
  for (const key of ['N', 'n'] as const) {
    const given = obj[key];
    if (given !== undefined && given !== codebook[key]) {
      throw new JsonFormatError(
        `JSON "${key}" is ${JSON.stringify(given)} but "prototypes" is ${codebook.N} x ${codebook.n}`,
      );
    }
  }
  const method = typeof obj.method === 'string' ? obj.method : null;
  const seed = typeof obj.seed === 'number' && Number.isFinite(obj.seed) ? obj.seed : null;
  const timeMs = typeof obj.timeMs === 'number' && Number.isFinite(obj.timeMs) ? obj.timeMs : null;
  const out: {
    -readonly [K in keyof ParsedPrototypeJson]: ParsedPrototypeJson[K];
  } = { codebook, method, seed, timeMs };
  if (isParams(obj.params)) out.params = obj.params;
  if (typeof obj.steps === 'number' && Number.isInteger(obj.steps)) out.steps = obj.steps;
  if (isCode(obj.code)) out.code = reportCode(obj.code);
  return out;
}

function isParams(v: unknown): v is Record<string, ParamValue> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  return Object.values(v).every(
    (x) => typeof x === 'number' || typeof x === 'boolean' || typeof x === 'string',
  );
}

function isCode(v: unknown): v is CodeInfo {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const c = v as Record<string, unknown>;
  return (
    typeof c.n === 'number' &&
    typeof c.k === 'number' &&
    typeof c.d === 'number' &&
    typeof c.designedDistance === 'number' &&
    (c.minimumDistance === null ||
      c.minimumDistance === undefined ||
      typeof c.minimumDistance === 'number') &&
    (c.name === undefined || typeof c.name === 'string')
  );
}

function rowsToCodebook(rows: unknown, where: string): Codebook {
  if (!Array.isArray(rows)) throw new JsonFormatError(`${where} must be an array of rows`);
  const N = rows.length;
  if (N === 0) throw new JsonFormatError(`${where} is empty`);
  const first = rows[0];
  if (!Array.isArray(first) || first.length === 0) {
    throw new JsonFormatError(`${where}[0] must be a non-empty array of numbers`);
  }
  const n = first.length;
  const data = new Float64Array(N * n);
  for (let i = 0; i < N; i++) {
    const row = rows[i];
    if (!Array.isArray(row)) throw new JsonFormatError(`${where}[${i}] is not an array`);
    if (row.length !== n) {
      throw new JsonFormatError(`${where}[${i}] has ${row.length} numbers, but row 0 has ${n}`);
    }
    for (let k = 0; k < n; k++) {
      const x = row[k];
      if (typeof x !== 'number' || !Number.isFinite(x)) {
        throw new JsonFormatError(`${where}[${i}][${k}] is ${JSON.stringify(x)}, not a number`);
      }
      data[i * n + k] = x;
    }
  }
  return createCodebook(N, n, data);
}
