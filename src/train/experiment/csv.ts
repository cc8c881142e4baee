/** CSV export of an experiment's runs: one row a run, a header, RFC 4180 quoting. */
import type { RunResult } from './types.ts';

export const CSV_COLUMNS = [
  'method',
  'labelling',
  'seed',
  'N',
  'n',
  'testAccuracy',
  'trainAccuracy',
  'maxCosine',
  'minAngleDeg',
  'meanCosine',
  'epochs',
  'timeMs',
] as const;

function cell(value: string | number): string {
  // String(number) is the shortest text that reads back to the same double.
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function resultsToCsv(results: readonly RunResult[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of results) lines.push(CSV_COLUMNS.map((c) => cell(r[c])).join(','));
  return `${lines.join('\n')}\n`;
}
