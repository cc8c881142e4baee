import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { CIFAR10, titled } from '../../src/data/testing/archives.ts';
import { LABELLINGS } from '../../src/train/labellings/registry.ts';
import {
  browserForFile,
  loadArchive,
  openApp,
  pixelStats,
  screenshot,
  withApp,
} from './harness.ts';

/**
 * Training in the browser on SwiftShader, on a tiny subset (60 training, 20 test images): six
 * steps of the fast model on WebGPU (software WebGPU compiles shaders for about a minute), the
 * same on WebGL by the manual override, then a lost WebGL context that the page reports and
 * recovers from on the CPU. Training is seeded, so the losses read from the page repeat.
 */
const url = inject('previewUrl');
/** 10 classes onto 12 LSE prototypes on S^2; 2 epochs of 3 steps (batch 20 of 60 images). */
const settings = 'method=lse&N=12&n=3&train.epochs=2&train.batch=20&train.lr=0.01';
const STEPS = 6;
/** The first classes' colours (src/scene/palette.ts): amber, mint, sky, lavender, lime. */
const CLASS_COLOURS = ['#ffbd2e', '#3ddc97', '#4cc9f0', '#b388ff', '#c5f277'];
const browser = browserForFile();

/** The page's own account of the run (first step time, rates, epochs). */
const snapshot = (page: Page) => page.evaluate(() => window.__hypersphereTraining?.snapshot());

const phase = (page: Page) =>
  page.getByTestId('train-phase').getAttribute('data-phase') as Promise<string>;

/** Waits until the run has ended; fails with the page's error message if it ended badly. */
async function waitForEnd(page: Page, timeout: number): Promise<string> {
  await page.waitForFunction(
    () => {
      const p = document.querySelector('[data-testid="train-phase"]')?.getAttribute('data-phase');
      return p === 'done' || p === 'error' || p === 'stopped';
    },
    undefined,
    { timeout, polling: 250 },
  );
  const end = await phase(page);
  if (end === 'error')
    throw new Error((await page.getByTestId('train-error').textContent()) ?? 'error');
  return end;
}

/** First step's loss and the mean of the last steps, as the page shows them (all steps drawn). */
async function losses(page: Page) {
  const el = page.getByTestId('train-loss');
  // The readout is redrawn on the next animation frame after the last step.
  await expect.poll(() => el.getAttribute('data-steps')).toBe(String(STEPS));
  return {
    first: Number(await el.getAttribute('data-first')),
    recent: Number(await el.getAttribute('data-recent')),
    steps: Number(await el.getAttribute('data-steps')),
  };
}

async function loadSmallSubset(page: Page): Promise<void> {
  await loadArchive(page, CIFAR10.path);
  await page.locator('#data-train-per-class').fill('6');
  await page.locator('#data-test-per-class').fill('2');
  await expect
    .poll(() => page.getByTestId('train-ready').textContent())
    .toMatch(/60 training and 20 test images, 10 classes, onto 12 prototypes/);
}

/** Screenshots the embedding view and the curves, checks neither is blank, returns nothing. */
async function checkViews(page: Page, name: string): Promise<void> {
  const stage = page.getByTestId('train-embedding');
  await stage.scrollIntoViewIfNeeded();
  await page.waitForFunction(
    () =>
      Number(
        document.querySelector<HTMLElement>('[data-testid="train-embedding"]')?.dataset.frames,
      ) > 0,
  );
  const scene = await pixelStats(page, await screenshot(stage, `${name}-embedding`), CLASS_COLOURS);
  expect(scene.foreground).toBeGreaterThan(0.05);
  expect(scene.distinctColours).toBeGreaterThan(60);
  // Points and prototypes in the class colours (some classes may sit on the far side).
  expect(scene.targetPixels.filter((count) => count > 10).length).toBeGreaterThanOrEqual(4);
  const curves = await pixelStats(
    page,
    await screenshot(page.getByTestId('train-curves'), `${name}-curves`),
    ['#7aa2ff', '#ffbd2e'],
  );
  expect(curves.distinctColours).toBeGreaterThan(20);
  expect(curves.targetPixels[0]).toBeGreaterThan(30); // the loss line
  expect(curves.targetPixels[1]).toBeGreaterThan(5); // test accuracy dots
}

describe('training in Chromium', () => {
  it('says how to get data when none is loaded, and loads no TensorFlow.js', async () => {
    const app = await openApp(browser(), `${url}#${settings}`);
    try {
      const { page } = app;
      const workers: string[] = [];
      page.on('worker', (w) => workers.push(w.url()));
      await expect
        .poll(() => page.getByTestId('train-howto').textContent(), { timeout: 20_000 })
        .toMatch(/No training data yet: load CIFAR-10/);
      expect(await page.getByTestId('train-start').isDisabled()).toBe(true);
      expect(await page.locator('#train-epochs').inputValue()).toBe('2');
      expect(await page.locator('#train-batchSize').inputValue()).toBe('20');
      expect(workers.filter((w) => /train\.worker/.test(w))).toEqual([]);
      expect(app.errors.filter((e) => !/404/.test(e))).toEqual([]);
    } finally {
      await app.close();
    }
  });

  describe.skipIf(!CIFAR10.present)(titled(CIFAR10, 'with the CIFAR-10 archive'), () => {
    it('trains on WebGPU, then WebGL, and recovers from a lost WebGL context on the CPU', async () => {
      const viewport = { width: 1280, height: 1000 };
      const link = `${url}#${settings}&train.backend=webgpu`;
      await withApp(browser(), link, { viewport }, async ({ page }) => {
        await loadSmallSubset(page);

        // WebGPU (SwiftShader, chosen by hand): the first steps compile shaders.
        const t0 = Date.now();
        await page.getByTestId('train-start').click();
        await expect
          .poll(() => page.getByTestId('train-backend').getAttribute('data-backend'), {
            timeout: 60_000,
          })
          .toBe('webgpu');
        await waitForEnd(page, 120_000);
        const webgpuMs = Date.now() - t0;
        const webgpu = await snapshot(page);
        const gpu = await losses(page);
        expect(gpu.steps).toBe(STEPS);
        expect(gpu.recent).toBeLessThan(gpu.first);
        expect(await page.getByTestId('train-backend').textContent()).toMatch(/WebGPU/);
        expect(await page.getByTestId('train-tensors').textContent()).toMatch(/unchanged, no leak/);
        await checkViews(page, 'train-webgpu');

        // WebGL, by the manual override.
        await page.locator('#train-backend-choice').selectOption('webgl');
        await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/train\.backend=webgl/);
        const t1 = Date.now();
        await page.getByTestId('train-start').click();
        await expect
          .poll(() => page.getByTestId('train-backend').getAttribute('data-backend'), {
            timeout: 60_000,
          })
          .toBe('webgl');
        await waitForEnd(page, 120_000);
        const webglMs = Date.now() - t1;
        const webgl = await snapshot(page);
        // On a GPU backend (even a software one) the features are computed where training runs.
        expect(await page.getByTestId('train-timing').textContent()).not.toMatch(/WebAssembly/);
        // The CPU on offer is the WebAssembly one.
        expect(await page.getByLabel('Backends found').textContent()).toMatch(
          /CPU via WebAssembly \(SIMD\)(?! on)/,
        );
        const gl = await losses(page);
        expect(gl.steps).toBe(STEPS);
        expect(gl.recent).toBeLessThan(gl.first);
        await checkViews(page, 'train-webgl');
        const examples = page.getByTestId('train-examples').locator('figure');
        expect(await examples.count()).toBe(12);
        expect(await examples.locator('.train-pred').first().textContent()).toMatch(
          /→ \w+ \(prototype \d+\)/,
        );
        await screenshot(page.getByTestId('train-panel'), 'train-panel');

        // A lost WebGL context after the first epoch: reported in words, and training goes on
        // on the CPU from the end of that epoch (its curve points kept, the rest trained there).
        // Single steps through the first epoch (3 batches), so the loss comes exactly there.
        for (let step = 1; step <= STEPS / 2; step++) {
          await page.getByTestId('train-step').click();
          await expect
            .poll(
              async () => {
                const s = await snapshot(page);
                return s?.phase === 'paused' && s.steps === step;
              },
              { timeout: 60_000 },
            )
            .toBe(true);
        }
        // The epoch's checkpoint is read back after its evaluation: wait for both.
        await expect
          .poll(async () => {
            const s = await snapshot(page);
            return `${s?.epochs.length} epoch, saved ${s?.savedEpoch}, ${s?.phase}`;
          })
          .toBe('1 epoch, saved 1, paused');
        expect((await snapshot(page))?.backend).toBe('webgl');
        const firstEpoch = (await snapshot(page))?.epochs[0];
        await page.evaluate(() => window.__hypersphereTraining?.loseDevice());
        await expect
          .poll(() => page.getByTestId('train-error').getAttribute('data-kind'), {
            timeout: 30_000,
          })
          .toBe('device-lost');
        expect(await page.getByTestId('train-error').textContent()).toMatch(
          /WebGL device was lost/,
        );
        expect(await page.getByTestId('train-continue-cpu').textContent()).toBe(
          'Go on from epoch 1 on CPU',
        );
        await page.getByTestId('train-continue-cpu').click();
        await expect
          .poll(() => page.getByTestId('train-backend').getAttribute('data-backend'), {
            timeout: 60_000,
          })
          .toBe('cpu');
        await waitForEnd(page, 120_000);
        expect((await losses(page)).steps).toBe(STEPS);
        const cpu = await snapshot(page);
        // On the CPU the fast mode runs on tfjs's WebAssembly backend, the features too.
        expect(await page.getByTestId('train-backend').textContent()).toBe('CPU · WebAssembly');
        expect(await page.getByTestId('train-timing').textContent()).toMatch(
          /^Features: [\d,]+ images in .+ \([\d,.]+ images\/s, on WebAssembly\)\./,
        );
        expect(cpu?.epochs.map((e) => e.epoch)).toEqual([1, 2]);
        expect(cpu?.epochs[0]).toEqual(firstEpoch);
        const s = (ms: number | null | undefined) => `${((ms ?? Number.NaN) / 1000).toFixed(1)} s`;
        console.log(
          `[training] 60 images, ${STEPS} steps: webgpu ${s(webgpuMs)} (first step after ${s(webgpu?.firstStepMs)}), ` +
            `webgl ${s(webglMs)} (first step after ${s(webgl?.firstStepMs)}), cpu first step after ${s(cpu?.firstStepMs)}`,
        );
      });
    }, 400_000);

    it('trains the CNN on the CPU on WebAssembly, whose filter gradient the app supplies', async () => {
      const link = `${url}#${settings}&train.mode=cnn&train.backend=cpu`;
      await withApp(browser(), link, async ({ page }) => {
        await loadSmallSubset(page);
        await page.getByTestId('train-start').click();
        await waitForEnd(page, 120_000);
        expect(await page.getByTestId('train-backend').textContent()).toBe('CPU · WebAssembly');
        const { first, recent, steps } = await losses(page);
        expect(steps).toBe(STEPS);
        expect(Number.isFinite(first) && Number.isFinite(recent)).toBe(true);
        expect((await snapshot(page))?.epochs.map((e) => e.epoch)).toEqual([1, 2]);
        expect(await page.getByTestId('train-tensors').textContent()).toMatch(/unchanged, no leak/);
      });
    }, 200_000);

    it('goes to the Data panel in one click, and comes back once the data is loaded', async () => {
      await withApp(
        browser(),
        `${url}#${settings}`,
        { viewport: { width: 1280, height: 800 } },
        async ({ page }) => {
          const train = page.getByTestId('train-panel');
          await train.scrollIntoViewIfNeeded();
          await page.getByTestId('go-to-data').click();
          const top = (selector: string) =>
            page.locator(selector).evaluate((e) => Math.round(e.getBoundingClientRect().top));
          // In view at the top of the window (a page bar or margin may keep it a little lower).
          await expect.poll(() => top('.data-panel')).toBeLessThan(200);
          expect(await top('.data-panel')).toBeGreaterThanOrEqual(-5);
          expect(
            await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type),
          ).toBe('file');
          await loadSmallSubset(page);
          // The subset is made: back at the training panel, ready to train.
          await expect.poll(() => top('[data-testid="train-panel"]')).toBeLessThan(200);
          expect(await top('[data-testid="train-panel"]')).toBeGreaterThanOrEqual(-5);
          expect(await page.getByTestId('go-to-data').count()).toBe(0);
        },
      );
    }, 120_000);

    it('offers every labelling, refuses one that cannot run with one sentence, and relabels live', async () => {
      const link = `${url}#${settings}&train.backend=cpu&train.labelling=sinkhorn`;
      await withApp(browser(), link, async ({ page }) => {
        await loadArchive(page, CIFAR10.path);
        await page.locator('#data-train-per-class').fill('6');
        await page.locator('#data-test-per-class').fill('2');
        // 10 classes onto 12 prototypes: a learned permutation needs N = K.
        await expect
          .poll(() => page.getByTestId('train-howto').textContent())
          .toBe(
            'The sinkhorn labelling learns a square permutation, so it needs as many prototypes as classes (N = 10), not N = 12.',
          );
        expect(await page.getByTestId('train-start').isDisabled()).toBe(true);
        const menu = page.locator('#train-labelling');
        expect(await menu.locator('option').allTextContents()).toEqual(
          LABELLINGS.map((l) => l.label),
        );
        await menu.selectOption('hungarian');
        await expect
          .poll(() => page.evaluate(() => location.hash))
          .toMatch(/train\.labelling=hungarian/);
        await expect
          .poll(() => page.getByTestId('train-ready').textContent())
          .toMatch(/60 training and 20 test images, 10 classes, onto 12 prototypes/);
        await page.getByTestId('train-start').click();
        await waitForEnd(page, 120_000);
        // After the warm-up each class has a prototype of its own, among the 12.
        const { assignment, epochs } = (await snapshot(page)) ?? {};
        expect(epochs?.map((e) => e.epoch)).toEqual([1, 2]);
        expect(assignment).toHaveLength(10);
        expect(new Set(assignment).size).toBe(10);
        expect((assignment ?? []).every((p) => p >= 0 && p < 12)).toBe(true);
      });
    }, 200_000);

    it('sends a subset too large to copy at once in slices, and keeps the page’s own', async () => {
      // Every image of the archive (5,000 + 1,000: 18 MB, over COPY_IN_SLICES_ABOVE): copied for
      // the worker a slice per task and transferred. The run starts computing features from it
      // (11,000: each training image and its mirror image, and the test images).
      await withApp(browser(), `${url}#${settings}&train.backend=cpu`, async ({ page }) => {
        await loadArchive(page, CIFAR10.path);
        await expect
          .poll(() => page.getByTestId('train-ready').textContent())
          .toMatch(/5,000 training and 1,000 test images, 10 classes, onto 12 prototypes/);
        /** Starts a run, waits until the worker computes features from the images, stops it. */
        const startAndStop = async () => {
          await page.getByTestId('train-start').click();
          await expect
            .poll(() => page.locator('.train-prepare').textContent(), { timeout: 60_000 })
            .toMatch(/Computing features: [\d,]+ of 11,000 images/);
          await page.getByTestId('train-stop').click();
          await expect.poll(() => phase(page)).toBe('stopped');
        };
        await startAndStop();
        // The data panel's subset is still whole (its buffers were copied, not handed over): a
        // second run sends it again and computes its features.
        await startAndStop();
      });
    }, 200_000);
  });
});
