import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { CIFAR10, titled } from '../../src/data/testing/archives.ts';
import { browserForFile, loadArchive, type OpenOptions, screenshot, withApp } from './harness.ts';

const url = inject('previewUrl');
const browser = browserForFile();

async function loadSmallSubset(page: Page): Promise<void> {
  // The file input is enabled once the page has found there is no stored subset.
  await expect
    .poll(() => page.getByTestId('data-howto').isVisible(), { timeout: 30_000 })
    .toBe(true);
  await loadArchive(page, CIFAR10.path);
  await page.locator('#data-classes').fill('airplane,cat,ship');
  await page.locator('#data-train-per-class').fill('20');
  await page.locator('#data-test-per-class').fill('10');
  await expect
    .poll(() => page.locator('.data-class-name').allTextContents())
    .toEqual(['airplane', 'cat', 'ship']);
}

describe.skipIf(!CIFAR10.present)(titled(CIFAR10, 'experiments in the browser'), () => {
  it('queues a tiny sweep, plots each run, keeps the runs over a reload and exports CSV', async () => {
    const options: OpenOptions = {
      viewport: { width: 1280, height: 1000 },
      // No stored default subset: the data comes from the file input, as a user would pick it.
      storedSubset: null,
      acceptDownloads: true,
    };
    await withApp(browser(), `${url}#method=kasarla&N=4&n=3`, options, async ({ page }) => {
      await loadSmallSubset(page);

      const panel = page.getByTestId('experiments-panel');
      await panel.scrollIntoViewIfNeeded();
      for (const m of [
        'random',
        'onehot',
        'orthoplex',
        'kasarla',
        'mettes',
        'lse',
        'rm',
        'bch',
        'best',
      ]) {
        await panel
          .locator(`input[name="method-${m}"]`)
          .setChecked(['random', 'orthoplex', 'kasarla'].includes(m));
      }
      await panel.locator('input[name="exp-n"]').fill('4');
      await panel.locator('input[name="exp-seeds"]').fill('1');
      await panel.locator('input[name="exp-epochs"]').fill('1');
      await panel.locator('select[name="exp-head"]').selectOption('linear');
      await panel.getByTestId('exp-queue').click();

      // One point per finished run, values on screen.
      await expect
        .poll(() => panel.getByTestId('scatter-point').count(), { timeout: 100_000 })
        .toBe(3);
      await expect
        .poll(() => panel.getByTestId('exp-status').first().textContent())
        .toBe('done: 3 of 3 runs');
      const runs = await panel.locator('[data-testid="exp-runs"] li').allTextContents();
      expect(runs).toHaveLength(3);
      // In words for people, no internal keys.
      expect(runs.map((r) => r.split(':')[0])).toEqual([
        'Random, Dataset order, seed 0',
        'Cross-polytope, Dataset order, seed 0',
        'Simplex (Kasarla), Dataset order, seed 0',
      ]);
      expect(await panel.textContent()).not.toMatch(/\w\|\w+\|\d/);
      // The accuracy axis runs from 0, with chance (1 / 3 classes) marked.
      expect(await panel.getByTestId('scatter-chance').count()).toBe(1);
      // The simplex of 3 points in R^4: every cosine is exactly -1/2; the orthoplex's is 0.
      expect(runs[1]).toMatch(/max cosine 0\.0000/);
      expect(runs[2]).toMatch(/max cosine -0\.5000/);
      const rows = await panel.locator('[data-testid="exp-summary"] tbody tr').allTextContents();
      expect(rows).toHaveLength(3);
      await screenshot(panel, 'experiments-scatter');

      // After a reload the finished runs come back from IndexedDB.
      await page.reload({ waitUntil: 'load' });
      await page.locator('[data-testid="experiments-panel"][data-loaded="true"]').waitFor();
      await expect
        .poll(() => panel.getByTestId('exp-status').first().textContent())
        .toBe('done: 3 of 3 runs');
      expect(await panel.locator('[data-testid="exp-runs"] li').allTextContents()).toEqual(runs);
      expect(await panel.getByTestId('scatter-point').count()).toBe(3);

      // CSV export: a header and one row per run, with the accuracies shown on screen.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        panel.getByTestId('exp-csv').click(),
      ]);
      const csv = readFileSync((await download.path()) as string, 'utf8')
        .trim()
        .split('\n');
      expect(csv[0]).toBe(
        'method,labelling,seed,N,n,testAccuracy,trainAccuracy,maxCosine,minAngleDeg,meanCosine,epochs,timeMs',
      );
      expect(csv.slice(1).map((l) => l.split(',').slice(0, 5).join(','))).toEqual([
        'random,identity,0,3,4',
        'orthoplex,identity,0,3,4',
        'kasarla,identity,0,3,4',
      ]);
      csv.slice(1).forEach((line, i) => {
        const accuracy = Number(line.split(',')[5]);
        expect(runs[i]).toContain(`${(100 * accuracy).toFixed(2)}%`);
      });
    });
  }, 150_000);

  it('answers “Does the labelling matter?” in one click, in words, and marks per-class changes from few images as noisy', async () => {
    await withApp(
      browser(),
      `${url}#method=kasarla&N=4&n=3`,
      { storedSubset: null },
      async ({ page }) => {
        await loadSmallSubset(page);
        const panel = page.getByTestId('experiments-panel');
        // The explorer's method (the simplex, 3 classes in R^3) under four labellings, 3 seeds,
        // asked beside the training chart; the experiment is listed here with every run.
        await page.getByTestId('ask-labelling').click();
        await panel.scrollIntoViewIfNeeded();
        await expect
          .poll(() => panel.getByTestId('exp-status').first().textContent(), { timeout: 150_000 })
          .toBe('done: 12 of 12 runs');
        expect(await panel.getByTestId('exp-verdict').textContent()).toMatch(
          /^Across 4 labellings \(3 seeds each\) of the same prototypes, mean accuracy spans \d+\.\d points \(.+ \d+\.\d %, .+ \d+\.\d %\), (within|about the size of|beyond|well beyond) the spread between seeds \(\d+\.\d points\)\.\s*$/,
        );
        const views = panel.getByTestId('relabel-views');
        // The Gram matrix of the simplex in class order: 1 on the diagonal (red), -1/2 off it
        // (half-way to blue), one cell a class, read from the canvas.
        const cells = await views
          .locator('canvas')
          .first()
          .evaluate((c: HTMLCanvasElement) => {
            const ctx = c.getContext('2d');
            const cell = c.width / 3;
            const at = (i: number, j: number) =>
              Array.from(
                ctx?.getImageData(j * cell + cell / 2, i * cell + cell / 2, 1, 1).data ?? [],
              ).slice(0, 3);
            return [at(0, 0), at(0, 1), at(2, 1)];
          });
        const expected = [
          [255, 0, 0],
          [128, 128, 255],
          [128, 128, 255],
        ];
        for (const [k, rgb] of cells.entries()) {
          for (const [c, v] of rgb.entries()) {
            expect(Math.abs(v - expected[k][c])).toBeLessThanOrEqual(1);
          }
        }
        expect(await views.locator('select').first().locator('option').allTextContents()).toEqual([
          'Simplex (Kasarla)',
        ]);
        // 10 test images a class: one image is 10 points, so the changes are said to be noisy.
        expect(await views.getByTestId('class-change-noisy').textContent()).toBe(
          'Noisy: each class has about 10 test images, so one image moves its accuracy by 10 points; only changes well beyond that say something.',
        );
        expect(await panel.textContent()).not.toMatch(/\w\|\w+\|\d/);
      },
    );
  }, 150_000);
});
