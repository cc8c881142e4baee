import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { CIFAR10, titled } from '../../src/data/testing/archives.ts';
import {
  browserForFile,
  loadArchive,
  pixelStats,
  REPO_ROOT,
  screenshot,
  withApp,
} from './harness.ts';

/**
 * The run history (issue 17): every finished run is kept, drawn as separation against accuracy
 * on the loaded data, listed in a table, exported as CSV and still there after a reload
 * (IndexedDB). Two tiny runs on the CPU (60 training, 20 test images, 2 epochs of 3 steps).
 */
const url = inject('previewUrl');
const settings =
  'method=lse&N=12&n=3&train.epochs=2&train.batch=20&train.lr=0.01&train.backend=cpu';
const AXE = join(REPO_ROOT, 'node_modules/axe-core/axe.min.js');
/** Internal keys (`rm|identity|0`) and command-line flags (`--labelling`) are not for people. */
const INTERNAL = [/--[a-z]/, /\w\|\w+\|\d/];
const browser = browserForFile();

async function waitForEnd(page: Page, timeout = 120_000): Promise<string> {
  await page.waitForFunction(
    () => {
      const p = document.querySelector('[data-testid="train-phase"]')?.getAttribute('data-phase');
      return p === 'done' || p === 'error' || p === 'stopped';
    },
    undefined,
    { timeout, polling: 250 },
  );
  return (await page.getByTestId('train-phase').getAttribute('data-phase')) as string;
}

async function loadSmallSubset(page: Page): Promise<void> {
  await loadArchive(page, CIFAR10.path);
  await page.locator('#data-train-per-class').fill('6');
  await page.locator('#data-test-per-class').fill('2');
  await expect
    .poll(() => page.getByTestId('train-ready').textContent())
    .toMatch(/60 training and 20 test images, 10 classes, onto 12 prototypes/);
}

/** Every text and label in the history, for the words-for-people check. */
const historyWords = (page: Page) =>
  page.getByTestId('run-history').evaluate((el) => {
    const labels = [...el.querySelectorAll('[aria-label],[title]')].map(
      (e) => `${e.getAttribute('aria-label') ?? ''} ${e.getAttribute('title') ?? ''}`,
    );
    return [el.textContent ?? '', ...labels].join('\n');
  });

/** axe-core on the history alone: its serious and critical violations, one line each. */
async function axeOnHistory(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; nodes: unknown[] }[] };
    const axe = (window as unknown as { axe: { run(c: unknown): Promise<Result> } }).axe;
    const r = await axe.run({ include: [['[data-testid="run-history"]']] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}) x${v.nodes.length}`);
  });
}

describe.skipIf(!CIFAR10.present)(titled(CIFAR10, 'run history with the CIFAR-10 archive'), () => {
  it('keeps every run, charts separation against accuracy from 0 to 100 %, and survives a reload', async () => {
    const viewport = { width: 1280, height: 1000 };
    await withApp(
      browser(),
      `${url}#${settings}`,
      { viewport, acceptDownloads: true },
      async ({ page }) => {
        await loadSmallSubset(page);
        await page.getByTestId('train-start').click();
        expect(await waitForEnd(page)).toBe('done');
        const history = page.getByTestId('run-history');
        await expect.poll(() => history.getByTestId('run-dot').count()).toBe(1);

        // Another method, another run: the prototypes are remade before it starts.
        await page.locator('#method').selectOption('random');
        await page.waitForFunction(() =>
          document
            .querySelector<HTMLElement>('[data-testid="scene"]')
            ?.dataset.rendered?.startsWith('random/'),
        );
        await page.getByTestId('train-start').click();
        expect(await waitForEnd(page)).toBe('done');
        await expect.poll(() => history.getByTestId('run-dot').count()).toBe(2);
        expect(await history.getByTestId('run-row').count()).toBe(2);
        // One feature pass for both runs: the second reused the first's (same images, same seed).
        expect(
          await page.evaluate(() => window.__hypersphereTraining?.snapshot().featurePasses),
        ).toBe(1);
        // Newest first in the table: the random run, then the LSE run.
        expect(await history.getByTestId('run-row').first().textContent()).toMatch(/^Random/);
        expect(await history.getByTestId('run-row').nth(1).textContent()).toMatch(/Log-sum-exp/);
        expect(await history.getByTestId('run-history-count').textContent()).toBe(
          '2 runs kept on this data',
        );

        // Accuracy is never zoomed: 0 to 100, with chance (10 classes) dashed at 10.
        const chart = history.getByTestId('run-chart');
        expect(await chart.getAttribute('data-y-min')).toBe('0');
        expect(await chart.getAttribute('data-y-max')).toBe('100');
        const ticks = await history.getByTestId('run-y-axis').locator('text').allTextContents();
        expect(ticks.slice(0, 6)).toEqual(['0', '20', '40', '60', '80', '100']);
        expect(await history.getByTestId('run-chance').textContent()).toBe('chance');

        const words = await historyWords(page);
        for (const pattern of INTERNAL) expect(words).not.toMatch(pattern);
        expect(words).toMatch(/Dataset order/);

        // The card: a click on the LSE run's mark, everything said in words.
        const lseId = await history.getByTestId('run-row').nth(1).getAttribute('data-run-id');
        await history.locator(`[data-testid="run-dot"][data-run-id="${lseId}"]`).click();
        const card = history.getByTestId('run-card');
        expect(await card.textContent()).toMatch(
          /Log-sum-exp.*N 12, n 3, seed \d+.*Dataset order.*softmax.*2 epochs.*max cosine 0\.\d{3}, min angle \d+\.\d°.*Test accuracy\d+\.\d%.*finished/,
        );
        expect(await axeOnHistory(page)).toEqual([]);
        await screenshot(history, 'run-history');
        // LSE in amber, random in near-white, on the dark panel.
        const stats = await pixelStats(page, await screenshot(chart, 'run-history-chart'), [
          '#ffbd2e',
        ]);
        expect(stats.targetPixels[0]).toBeGreaterThan(20);
        expect(stats.background[0]).toBeLessThan(40); // dark, as the page
        expect(stats.distinctColours).toBeGreaterThan(10);

        // Another x axis: the marks stay, the axis says what it is.
        await page.locator('#run-history-x').selectOption('minAngleDeg');
        expect(await history.getByTestId('run-y-axis').textContent()).toMatch(/min angle/);
        expect(await history.getByTestId('run-dot').count()).toBe(2);

        // CSV: a header and a row per run.
        const [file] = await Promise.all([
          page.waitForEvent('download'),
          history.getByTestId('run-export').click(),
        ]);
        expect(file.suggestedFilename()).toBe('training-runs.csv');
        const csv = readFileSync((await file.path()) as string, 'utf8')
          .trim()
          .split('\n');
        expect(csv.length).toBe(3);
        expect(csv[0]).toMatch(/^finishedAt,data,method,/);

        // On a phone the chart keeps its text size; the card fits inside it.
        await page.setViewportSize({ width: 390, height: 844 });
        await history.scrollIntoViewIfNeeded();
        await card.getByRole('button', { name: 'Close' }).click();
        expect(await card.count()).toBe(0);
        await history.locator(`[data-testid="run-dot"][data-run-id="${lseId}"]`).click();
        await screenshot(history, 'run-history-phone');
        const box = await chart.boundingBox();
        const cardBox = await card.boundingBox();
        expect(box && cardBox).toBeTruthy();
        if (box && cardBox) {
          expect(box.width).toBeLessThanOrEqual(390);
          expect(cardBox.x).toBeGreaterThanOrEqual(box.x);
          expect(cardBox.x + cardBox.width).toBeLessThanOrEqual(box.x + box.width + 1);
        }
        await page.setViewportSize(viewport);

        // Its settings back: the LSE run's link.
        await card.getByTestId('run-use').click();
        await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/method=lse/);

        // Kept in IndexedDB: after a reload, counted before the data is back, shown after.
        await page.reload({ waitUntil: 'load' });
        await expect
          .poll(() => page.getByTestId('run-history-others').textContent(), { timeout: 20_000 })
          .toBe('2 runs on other data are kept; load that data to see them.');
        await loadSmallSubset(page);
        await expect.poll(() => history.getByTestId('run-dot').count()).toBe(2);
        expect(await history.getByTestId('run-row').count()).toBe(2);

        // A run in progress: a hollow mark once its first epoch is evaluated, then gone.
        for (let k = 0; k < 3; k++) {
          const step = page.getByTestId('train-step');
          await expect.poll(() => step.isEnabled(), { timeout: 60_000 }).toBe(true);
          await step.click();
        }
        await expect
          .poll(() => history.getByTestId('run-dot-live').count(), { timeout: 60_000 })
          .toBe(1);
        await screenshot(history.getByTestId('run-chart'), 'run-history-live');
        await page.getByTestId('train-stop').click();
        await expect.poll(() => history.getByTestId('run-dot-live').count()).toBe(0);

        // Delete: the row and its mark go, and stay gone.
        await history.getByTestId('run-row').first().getByRole('button').click();
        await expect.poll(() => history.getByTestId('run-row').count()).toBe(1);
        expect(await history.getByTestId('run-dot').count()).toBe(1);
      },
    );
  });
});
