import { separationBounds } from '../../core/bounds/index.ts';
import { writeCsv } from '../../core/io/csv.ts';
import { type PrototypeReport, reportCode, stringifyReport } from '../../core/io/json.ts';
import { type NpyWriteDtype, writeNpy } from '../../core/io/npy.ts';
import type { PrototypeFormat } from '../../core/io/prototypeFile.ts';
import { resolveParams } from '../../core/methods/params.ts';
import { getMethod } from '../../core/methods/registry.ts';
import type { PrototypeResult } from '../../state/prototypes.ts';

/**
 * The prototypes on screen as the command-line tool writes them (`prototypes --format ...`):
 * .npy (float32 by default, or float64), .csv (one prototype per row) and the JSON report. The
 * same core writers, so a file from the page and one from the CLI are interchangeable.
 */

/** A file-name stem for the prototypes on screen, e.g. `kasarla-N4-n3-seed0`. */
export function fileStem(current: PrototypeResult): string {
  const fromFile = current.method.startsWith('file: ');
  const method = fromFile ? 'prototypes' : current.method;
  const stem = `${method}-N${current.N}-n${current.n}${fromFile ? '' : `-seed${current.seed}`}`;
  return stem.replace(/[^A-Za-z0-9._-]+/g, '_');
}

/** The CLI's JSON report of these prototypes (method and seed are null for a loaded file). */
function report(current: PrototypeResult): PrototypeReport {
  const fromFile = current.method.startsWith('file: ');
  const { N, n } = current;
  return {
    method: fromFile ? null : current.method,
    N,
    n,
    seed: fromFile ? null : current.seed,
    ...(fromFile
      ? {}
      : { params: resolveParams(getMethod(current.method).params, current.params) }),
    ...(current.steps !== undefined ? { steps: current.steps } : {}),
    ...(current.route !== undefined ? { route: current.route } : {}),
    prototypes: current.codebook,
    metrics: current.metrics,
    bounds: { ...separationBounds(N, n) } as Record<string, number | null>,
    ...(current.code ? { code: reportCode(current.code) } : {}),
    timeMs: Math.round(current.timeMs * 1000) / 1000,
  };
}

export interface ExportFile {
  readonly name: string;
  readonly type: string;
  readonly data: Uint8Array | string;
}

export function prototypeFile(
  current: PrototypeResult,
  format: PrototypeFormat,
  dtype: NpyWriteDtype = 'float32',
): ExportFile {
  const { N, n, data } = current.codebook;
  const stem = fileStem(current);
  switch (format) {
    case 'npy':
      return {
        name: `${stem}.npy`,
        type: 'application/octet-stream',
        data: writeNpy(data, [N, n], dtype),
      };
    case 'csv':
      return { name: `${stem}.csv`, type: 'text/csv', data: writeCsv(data, N, n) };
    case 'json':
      return {
        name: `${stem}.json`,
        type: 'application/json',
        data: stringifyReport(report(current)),
      };
  }
}
