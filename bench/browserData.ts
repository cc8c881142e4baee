// Load time of the CIFAR-10 archive in headless Chromium: node bin/run-ts.mjs bench/browserData.ts
//   [--runs N]
// Serves the production build (dist/, or $HSL_DIST; it builds nothing), opens a fresh page per
// run and picks the archive ($CIFAR10_ARCHIVE or ../shared/data/) in the data panel's file input,
// as a person would. Prints, per run, the wall time from the pick to the loaded status and the
// time the loader worker reports for reading and parsing (streamed gunzip + tar), then medians.
// bench/data.ts measures the same archive in Node.
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CIFAR10 } from '../src/data/testing/archives.ts';
import { launchBrowser, loadArchive, openApp, startPreview } from '../tests/browser/harness.ts';
import { skipWithoutBuildOrArchive } from './lib/browserBench.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' } },
  // Flags meant for other benchmarks (bench/run.ts passes every flag on) are ignored.
  strict: false,
});

skipWithoutBuildOrArchive();

const runs = Math.max(1, Number(values.runs) || 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = statSync(CIFAR10.path).size / 1e6;
const preview = await startPreview();
const browser = await launchBrowser();
const wall: number[] = [];
const worker: number[] = [];
try {
  for (let run = 1; run <= runs; run++) {
    const app = await openApp(browser, preview.url);
    try {
      const { page } = app;
      const start = Date.now();
      await loadArchive(page, CIFAR10.path, 120_000);
      const wallMs = Date.now() - start;
      // The panel shows the worker's own time: " · loaded in 524 ms" or "1.20 s".
      const text = (await page.getByTestId('data-load-time').textContent()) ?? '';
      const found = /([\d.]+) (ms|s)$/.exec(text.trim());
      const workerMs = found ? Number(found[1]) * (found[2] === 's' ? 1000 : 1) : Number.NaN;
      wall.push(wallMs);
      worker.push(workerMs);
      console.log(
        `run ${run}: ${wallMs} ms from the pick to "loaded" (${workerMs.toFixed(0)} ms in the loader worker) for ${mb.toFixed(1)} MB`,
      );
      if (app.errors.length > 0) console.log(`page errors: ${app.errors.join(' | ')}`);
    } finally {
      await app.close();
    }
  }
} finally {
  await browser.close();
  await preview.stop();
}
console.log(
  `chromium: median ${median(wall)} ms wall, ${median(worker).toFixed(0)} ms in the worker, over ${runs} runs`,
);
