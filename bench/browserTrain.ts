// Training in headless Chromium: node bin/run-ts.mjs bench/browserTrain.ts [--budget S]
//   [--epochs N] [--method M] [--mode fast|cnn] [--labelling identity|random|hungarian] [--rates webgpu,webgl,cpu | --no-rates] [--no-run]
// Serves the production build (dist/, or $HSL_DIST; it builds nothing), loads the CIFAR-10
// archive through the data panel, and trains the fast model (10 classes onto 10 LSE prototypes
// on S^2, 5,000 training and 1,000 test images) with the backend chosen automatically. Prints
// the chosen backend and why, the time at which each epoch's test accuracy was reached, and when
// 40% was reached (the target: within 3 minutes). Then, on a small subset (200 + 50 images),
// the feature and training images a second of each backend, chosen by hand. `--mode cnn` times
// the end-to-end CNN instead (`--mode cnn --no-run` for its images a second per backend only).
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { CIFAR10 } from '../src/data/testing/archives.ts';
import { DEFAULT_TRAIN_CONFIG } from '../src/train/types.ts';
import type { TrainingSnapshot } from '../src/ui/training/TrainingPanel.tsx';
import { launchBrowser, loadArchive, openApp, startPreview } from '../tests/browser/harness.ts';
import { skipWithoutBuildOrArchive } from './lib/browserBench.ts';

const { values } = parseArgs({
  options: {
    budget: { type: 'string', default: '180' },
    // The app's default (20): the budget, not the epoch count, should end the run.
    epochs: { type: 'string', default: String(DEFAULT_TRAIN_CONFIG.epochs) },
    // The prototypes: `best` spreads 10 points on S^2 well (max cosine 0.40); the authors' LSE
    // settings leave pairs nearly together at n = 3 (0.84), which costs accuracy.
    method: { type: 'string', default: 'best' },
    mode: { type: 'string', default: 'fast' },
    // identity | random | hungarian (train.labelling)
    labelling: { type: 'string', default: 'identity' },
    rates: { type: 'string', default: 'webgpu,webgl,cpu' },
    'no-rates': { type: 'boolean', default: false },
    'no-run': { type: 'boolean', default: false },
    // Flags meant for other benchmarks (bench/run.ts passes every flag on) are ignored.
    quick: { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
  },
  strict: false,
});

const TARGET = 0.4;
skipWithoutBuildOrArchive();

const budgetMs = Number(values.budget) * 1000;
const mode = values.mode === 'cnn' ? 'cnn' : 'fast';
const sec = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const rate = (x: number | undefined) => (x ? `${x.toFixed(1)} images/s` : '–');

const snapshot = (page: Page) =>
  page.evaluate(() => window.__hypersphereTraining?.snapshot()) as Promise<TrainingSnapshot>;

async function load(page: Page, trainPerClass: string, testPerClass: string): Promise<void> {
  if ((await page.locator('[data-testid="data-status"][data-loaded="true"]').count()) === 0) {
    await loadArchive(page, CIFAR10.path, 120_000);
  }
  await page.locator('#data-train-per-class').fill(trainPerClass);
  await page.locator('#data-test-per-class').fill(testPerClass);
  await page.getByTestId('train-ready').waitFor({ timeout: 30_000 });
}

/** Starts a run; calls `onTick` about once a second until it ends or `until` says stop. */
async function run(
  page: Page,
  onTick: (s: TrainingSnapshot, ms: number) => boolean,
): Promise<TrainingSnapshot> {
  const t0 = Date.now();
  await page.getByTestId('train-start').click();
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    const s = await snapshot(page);
    const stop = onTick(s, Date.now() - t0);
    if (s.phase === 'done' || s.phase === 'error' || s.phase === 'stopped') return s;
    if (stop) {
      await page.getByTestId('train-stop').click();
      await page.waitForFunction(
        () => window.__hypersphereTraining?.snapshot().phase === 'stopped',
      );
      return snapshot(page);
    }
  }
}

const server = await startPreview();
const browser = await launchBrowser();
try {
  const hash = `method=${values.method}&N=10&n=3&train.mode=${mode}&train.epochs=${Number(values.epochs)}&train.labelling=${values.labelling}`;
  const app = await openApp(browser, `${server.url}#${hash}`, {
    viewport: { width: 1280, height: 1000 },
  });
  const { page } = app;

  if (!values['no-run']) {
    await load(page, 'all', 'all');
    console.log(
      `${mode} mode, ${values.labelling} labelling, 10 classes, n = 3, 5,000 train / 1,000 test, ${values.epochs} epochs, backend auto, budget ${sec(budgetMs)}`,
    );
    let printed = 0;
    let reached: number | null = null;
    const end = await run(page, (s, ms) => {
      for (; printed < s.epochs.length; printed++) {
        const e = s.epochs[printed];
        if (reached === null && e.testAccuracy >= TARGET) reached = e.elapsedMs;
        console.log(
          `  epoch ${e.epoch}: test ${pct(e.testAccuracy)}, train ${pct(e.trainAccuracy)}, loss ${e.loss.toFixed(4)}, at ${sec(e.elapsedMs)}, ${e.numTensors} tensors`,
        );
      }
      return ms > budgetMs;
    });
    console.log(`chosen backend: ${end.backend} (${end.reason})`);
    for (const p of end.probes) {
      const timed = p.imagesPerSecond === 0 ? 'no step finished in time' : rate(p.imagesPerSecond);
      console.log(`  ${p.name} (${p.kind}): calibration ${timed}`);
    }
    console.log(
      `features: ${end.features ? `${end.features.images} images in ${sec(end.features.ms)} (${rate((1000 * end.features.images) / end.features.ms)}${end.features.backend ? ` on ${end.features.backend}` : ''})` : '–'}; first step after ${sec(end.firstStepMs)}; training ${rate(end.imagesPerSecond)}`,
    );
    const best = Math.max(0, ...end.epochs.map((e) => e.testAccuracy));
    console.log(
      reached !== null
        ? `${pct(TARGET)} test accuracy reached after ${sec(reached)} (target: within 180 s): ${reached <= 180_000 ? 'met' : 'missed'}`
        : `${pct(TARGET)} test accuracy not reached (best ${pct(best)}; run ended: ${end.phase}${end.error ? `, ${end.error}` : ''})`,
    );
  }

  if (!values['no-rates']) {
    // One short epoch per backend on a small subset: feature and training images a second.
    await load(page, '20', '5');
    await page.locator('#train-epochs').fill('1');
    await page.locator('#train-batchSize').fill('25');
    console.log(
      `${mode} mode per backend, chosen by hand (200 train / 50 test images, 1 epoch, batch 25):`,
    );
    for (const name of String(values.rates).split(',')) {
      await page.locator('#train-backend-choice').selectOption(name);
      const end = await run(page, (_s, ms) => ms > budgetMs);
      if (end.error || end.backend !== name) {
        console.log(`  ${name}: ${end.error ?? `ran on ${end.backend}`}`);
        continue;
      }
      const f = end.features;
      console.log(
        `  ${name}: features ${f ? `${rate((1000 * f.images) / f.ms)}${f.backend ? ` on ${f.backend}` : ''}` : '–'}, training ${rate(end.imagesPerSecond)}, first step after ${sec(end.firstStepMs)}`,
      );
    }
  }
  if (app.errors.length) console.log(`page errors: ${app.errors.join('; ')}`);
  await app.close();
} finally {
  await browser.close();
  await server.stop();
}
