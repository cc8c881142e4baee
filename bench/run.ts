// Runs every benchmark in bench/ (each bench/*.ts but this one), one process each, one after
// another so they do not compete for cores. `npm run bench -- NAME... [--FLAG...]` runs only
// those named and passes the flags on (e.g. `npm run bench -- engine --quick`). Exits non-zero
// when any benchmark failed.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';

const dir = new URL('.', import.meta.url).pathname;
const runner = resolve(dir, '../bin/run-ts.mjs');
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const flags = process.argv.slice(2).filter((a) => a.startsWith('-'));
/** Benchmarks that serve dist/ and run headless Chromium. */
const BROWSER_BENCHES = ['browserData.ts', 'browserStory.ts', 'browserTrain.ts'];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.test.ts'))
  .filter((f) => wanted.length === 0 || wanted.includes(basename(f, '.ts')))
  // `--no-browser` skips the benchmarks that drive Chromium (they also skip themselves, with a
  // note, when there is no production build in dist/).
  .filter((f) => !(flags.includes('--no-browser') && BROWSER_BENCHES.includes(f)))
  .sort();
const failed: string[] = [];
for (const file of files) {
  console.log(`\n=== bench/${file} ===`);
  const passed = flags.filter((f) => f !== '--no-browser'); // run.ts's own flag
  const result = spawnSync(process.execPath, [runner, resolve(dir, file), ...passed], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed.push(`${file} (exit ${result.status ?? result.signal})`);
}
if (failed.length) {
  console.error(`\nfailed: ${failed.join(', ')}`);
  process.exit(1);
}
