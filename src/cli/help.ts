/** The --help text, generated from the method registry so every method and flag is listed. */
import { LIMITS, METHODS } from '../core/methods/registry.ts';
import type { ParamSpec, PrototypeMethod } from '../core/methods/types.ts';
import { paramFlagText } from './args.ts';

const WIDTH = 100;

/** Wraps text into lines of at most `width` characters, joined with `\n` + `pad`. */
function wrap(text: string, width: number, pad: string): string {
  const lines: string[] = [];
  let line = '';
  for (const w of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else {
      line = line ? `${line} ${w}` : w;
    }
  }
  if (line) lines.push(line);
  return lines.join(`\n${pad}`);
}

/**
 * An indented two-column entry: `left` padded to `col`, then `text` wrapped to the page width
 * (starting on the next line when `left` is too long).
 */
function row(indent: number, left: string, text: string, col: number): string {
  const pad = ' '.repeat(indent + col);
  const body = wrap(text, WIDTH - indent - col, pad);
  const head = `${' '.repeat(indent)}${left}`;
  return left !== '' && left.length + 2 > col
    ? `${head}\n${pad}${body}`
    : `${head.padEnd(indent + col)}${body}`;
}

function paramUsage(spec: ParamSpec): string {
  switch (spec.kind) {
    case 'number':
      return `${paramFlagText(spec)} <${spec.integer ? 'int' : 'number'}>`;
    case 'boolean':
      return paramFlagText(spec);
    case 'choice':
      return `${paramFlagText(spec)} <${spec.options.join('|')}>`;
  }
}

function paramDetails(spec: ParamSpec): string {
  const description = spec.description.replace(/\.\s*$/, '');
  switch (spec.kind) {
    case 'number':
      return `${description} (default ${spec.default}; ${spec.min} to ${spec.max}${spec.integer ? ', whole' : ''})`;
    case 'boolean':
      return `${description} (default ${spec.default ? 'on' : 'off'})`;
    case 'choice':
      return `${description} (default ${spec.default})`;
  }
}

function methodHelp(m: PrototypeMethod): string {
  const lines = [row(2, m.id, m.description, 12)];
  if (m.citation) lines.push(row(14, '', `[${m.citation}]`, 0));
  if (m.params.length === 0) lines.push(row(14, '', '(no method flags)', 0));
  for (const p of m.params) lines.push(row(14, paramUsage(p), paramDetails(p), 24));
  return lines.join('\n');
}

export function helpText(version: string): string {
  const ids = METHODS.map((m) => m.id).join(', ');
  const opt = (left: string, text: string) => row(2, left, text, 22);
  return [
    `hypersphere-lab ${version}: make hyperspherical prototypes and measure their separation.`,
    '',
    'Usage:',
    '  hypersphere-lab prototypes --method M -N <int> -n <int> [options] [method flags]',
    '  hypersphere-lab metrics FILE',
    '  hypersphere-lab experiment --train FILE --methods M1,M2 -n <int> [options] (see help experiment)',
    '  hypersphere-lab train --train FILE --method M -n <int> [options] (see help train)',
    '  hypersphere-lab help | --help | prototypes --help',
    '  hypersphere-lab --version',
    '',
    'Commands:',
    opt(
      'prototypes',
      'Make N unit prototypes in R^n with a method and print a JSON report (or write --out FILE).',
    ),
    opt(
      'metrics FILE',
      'Measure the prototypes in FILE: .npy (float32/float64, shape (N, n)), .csv (one prototype per line) or a .json report; the format comes from the extension, else from the content; - reads stdin. Prints the same JSON report without "prototypes". Rows are rescaled to unit length only if a norm is off by more than 1e-9.',
    ),
    '',
    'Options of prototypes:',
    opt('--method, -m M', `Method (one of: ${ids}).`),
    opt('-N <int>', `Number of prototypes (classes), ${LIMITS.N.min} to ${LIMITS.N.max}.`),
    opt('-n <int>', `Dimension of the space, ${LIMITS.n.min} to ${LIMITS.n.max}.`),
    opt(
      '--seed <int>',
      `Random seed, ${LIMITS.seed.min} to ${LIMITS.seed.max} (default 0). Same seed, same output.`,
    ),
    opt('--steps <int>', 'Optimiser steps, for methods that have a steps flag (listed below).'),
    opt('--format F', 'json, csv or npy (default: from the --out extension, else json on stdout).'),
    opt('--dtype D', 'float32 (default) or float64: the element type of npy output.'),
    opt('--out, -o FILE', 'Write to FILE instead of stdout (npy needs it); nothing is printed.'),
    opt('--progress', 'Draw a progress bar on stderr (always shown on a terminal).'),
    opt('-h, --help', 'Show this help.'),
    opt('--version', 'Show the version.'),
    '',
    'Methods and their flags (defaults and ranges in brackets):',
    METHODS.map(methodHelp).join('\n'),
    '',
    'JSON report (one object):',
    '  {"method", "N", "n", "seed", "params", "steps" (optimisers), "prototypes": [[...], ...],',
    '   "metrics": {"maxCosine", "minAngleDeg", "meanCosine", "meanRowMaxCosine"},',
    '   "bounds": {"rankin", "orthoplex", "gilbertVarshamov", "lower", ...} (null = not applicable),',
    '   "code": {"n", "k", "d", "designedDistance", "minimumDistance", "name"} (code methods), "timeMs"}',
    'CSV: one prototype per line, comma-separated, 17 significant digits, no header.',
    'npy: NumPy .npy v1.0, shape (N, n), little-endian float32 or float64.',
    '',
    'Exit status: 0 done; 1 unexpected error; 2 bad arguments or unreadable input;',
    '3 the method cannot run at this (N, n) (the message says why).',
    '',
    'Examples:',
    '  hypersphere-lab prototypes --method kasarla -N 4 -n 3',
    '  hypersphere-lab prototypes --method random -N 100 -n 64 --seed 1 --out protos.npy',
    '  hypersphere-lab metrics protos.npy',
    '',
  ].join('\n');
}

export const METRICS_HELP = [
  'Usage: hypersphere-lab metrics FILE',
  '',
  'Measures the prototypes in FILE and prints a JSON report: {"method", "N", "n", "seed", "metrics",',
  '"bounds", "code" (when known), "timeMs"}. method, seed and timeMs are null unless FILE is a JSON',
  'report written by `hypersphere-lab prototypes`, whose method, seed, params and code are kept.',
  '',
  'FILE: .npy (float16/32/64 or integers; shape (N, n), C or Fortran order), .csv (one prototype',
  'per line, comma- or whitespace-separated, # comments allowed) or .json (our report, or an array',
  'of rows); by extension, else by content. - reads stdin.',
  'Rows are rescaled to unit length only if some norm differs from 1 by more than 1e-9. Gamma',
  'images of binary codes (every entry +-1/sqrt(L) on L coordinates) are measured exactly from',
  'Hamming distances, even from float32.',
  '',
].join('\n');
