import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { runDataCommand } from '../../src/data/node/dataCommand.ts';
import { CIFAR10, titled } from '../../src/data/testing/archives.ts';
import {
  browserForFile,
  type OpenOptions,
  pixelStats,
  RESULTS_DIR,
  screenshot,
  waitForScene,
  withApp,
} from './harness.ts';

const url = inject('previewUrl');
/** The page opened on the regular tetrahedron (the default is LSE with N = 12). */
const tetrahedron = `${url}#method=kasarla&N=4&n=3`;
const browser = browserForFile();

/** A tall page with data/ served from `dataDir` (null: there is no stored subset). */
const withData = (dataDir: string | null): OpenOptions => ({
  viewport: { width: 1280, height: 1100 },
  storedSubset: dataDir,
});

const status = (page: Page) => page.getByTestId('data-status');
const counts = (page: Page, which: 'train' | 'test') =>
  page.getByTestId(`count-${which}`).allTextContents();

describe('data panel in Chromium', () => {
  it('says that no data is loaded, how to get it, and the app works without it', async () => {
    await withApp(browser(), tetrahedron, withData(null), async ({ page }) => {
      await expect
        .poll(() => page.getByTestId('data-howto').isVisible(), { timeout: 20_000 })
        .toBe(true);
      expect(await status(page).textContent()).toMatch(/No data loaded/);
      // The in-app way first; the command only for whoever hosts the lab, folded away.
      const howto = page.getByTestId('data-howto');
      expect(await howto.textContent()).toMatch(
        /^Pick or drop the official cifar-10-binary\.tar\.gz/,
      );
      expect(await howto.locator('details').textContent()).toMatch(/npm run data/);
      expect(await howto.locator('details').getAttribute('open')).toBeNull();
      await screenshot(page.locator('.data-panel'), 'data-empty');
      await waitForScene(page, 'kasarla/4/3/0');
      expect(await page.getByTestId('metric-max-cosine').textContent()).toBe('-0.3333');
    });
  });

  describe.skipIf(!CIFAR10.present)(titled(CIFAR10, 'with the CIFAR-10 archive'), () => {
    it('loads the archive through the file input and shows images, labels and counts', async () => {
      await withApp(browser(), tetrahedron, withData(null), async ({ page }) => {
        await expect
          .poll(() => page.getByTestId('data-howto').isVisible(), { timeout: 20_000 })
          .toBe(true);
        const start = Date.now();
        await page.locator('#data-train-files').setInputFiles(CIFAR10.path);
        await page
          .locator('[data-testid="data-status"][data-loaded="true"]')
          .waitFor({ timeout: 60_000 });
        const wallMs = Date.now() - start;
        const loadText = (await page.getByTestId('data-load-time').textContent()) ?? '';
        const workerMs = parseDuration(loadText);
        console.log(
          `[data] CIFAR-10 archive in Chromium: ${workerMs.toFixed(0)} ms in the worker, ${wallMs} ms from setInputFiles to shown`,
        );
        mkdirSync(RESULTS_DIR, { recursive: true });
        writeFileSync(
          join(RESULTS_DIR, 'data-load-time.json'),
          `${JSON.stringify({ workerMs, wallMs }, null, 2)}\n`,
        );

        expect(await status(page).textContent()).toMatch(
          /CIFAR-10: 5,000 training and 1,000 test images, from cifar-10-binary\.tar\.gz/,
        );
        expect(await counts(page, 'train')).toEqual(new Array(10).fill('500'));
        expect(await counts(page, 'test')).toEqual(new Array(10).fill('100'));
        expect(await page.locator('.data-class-name').allTextContents()).toEqual([
          'airplane',
          'automobile',
          'bird',
          'cat',
          'deer',
          'dog',
          'frog',
          'horse',
          'ship',
          'truck',
        ]);
        // 6,000 images of 3,072 bytes held once (the subset of every image shows the dataset's
        // own pixels), the dataset's 6,000 labels, the subset's 6,000 labels and source indices.
        const bytes = 6000 * 3072 + 6000 + 6000 + 6000 * 4;
        expect(await page.getByTestId('data-memory').textContent()).toBe(
          `Memory: ${(bytes / 1e6).toFixed(1)} MB`,
        );

        // The preview: 20 images, two of each class, drawn (not blank) and labelled.
        const grid = page.getByTestId('preview-grid');
        await grid.scrollIntoViewIfNeeded();
        expect(await grid.locator('canvas').count()).toBe(20);
        const captions = await grid.locator('figcaption').allTextContents();
        expect(new Set(captions).size).toBe(10);
        expect(await grid.locator('figcaption').first().isVisible()).toBe(true);
        const drawn = await grid.locator('canvas').evaluateAll((canvases) =>
          canvases.map((c) => {
            const ctx = (c as HTMLCanvasElement).getContext('2d');
            if (!ctx) return { opaque: false, colours: 0 };
            const { data } = ctx.getImageData(0, 0, 32, 32);
            const colours = new Set<number>();
            for (let p = 0; p < data.length; p += 4)
              colours.add((data[p] << 16) | (data[p + 1] << 8) | data[p + 2]);
            return { opaque: data[3] === 255, colours: colours.size };
          }),
        );
        for (const d of drawn) {
          expect(d.opaque).toBe(true);
          expect(d.colours).toBeGreaterThan(50);
        }
        const png = await screenshot(grid, 'data-preview-grid');
        expect((await pixelStats(page, png, [])).distinctColours).toBeGreaterThan(300);
        await page.locator('.panel').evaluate((el) => {
          el.scrollTop = el.scrollHeight;
        });
        await screenshot(page, 'data-panel');

        // A broken file: one clear message naming it, and nothing loaded is lost.
        const cut = readFileSync(CIFAR10.path).subarray(0, 100_000);
        await page
          .locator('#data-train-files')
          .setInputFiles({ name: 'broken.tar.gz', mimeType: 'application/gzip', buffer: cut });
        await expect
          .poll(() => page.getByTestId('data-error').textContent(), { timeout: 30_000 })
          .toMatch(/^broken\.tar\.gz is cut off or damaged/);
        expect(await counts(page, 'train')).toEqual(new Array(10).fill('500'));
        expect(await grid.locator('canvas').count()).toBe(20);

        // A smaller subset, in the listed class order.
        await page.locator('#data-classes').fill('ship,cat');
        await page.locator('#data-train-per-class').fill('20');
        await expect.poll(() => counts(page, 'train')).toEqual(['20', '20']);
        expect(await page.locator('.data-class-name').allTextContents()).toEqual(['ship', 'cat']);

        // With a dataset chosen, the prototypes on the sphere carry its class names (N = classes).
        await page.locator('#method').selectOption('kasarla');
        await page.locator('#N').fill('2');
        await waitForScene(page, 'kasarla/2/3/0');
        await expect
          .poll(() => page.locator('.proto-label').allTextContents())
          .toEqual(['ship', 'cat']);
        await page.locator('#N').fill('3');
        await waitForScene(page, 'kasarla/3/3/0');
        // Three prototypes but two classes: indices, since names would not say which is which.
        await expect
          .poll(() => page.locator('.proto-label').allTextContents())
          .toEqual(['0', '1', '2']);
        await page.locator('#data-train-per-class').fill('501');
        await expect
          .poll(() => page.getByTestId('subset-error').textContent())
          .toMatch(/"ship" has only 500 training images/);
        expect(await counts(page, 'train')).toEqual(['20', '20']);
      });
    });

    it('draws the subset that the link chose from the archive loaded later', async () => {
      const link = `${tetrahedron}&data.classes=first:3&data.train=20&data.test=10`;
      await withApp(browser(), link, withData(null), async ({ page }) => {
        await expect
          .poll(() => page.getByTestId('data-howto').isVisible(), { timeout: 20_000 })
          .toBe(true);
        await page.locator('#data-train-files').setInputFiles(CIFAR10.path);
        await page
          .locator('[data-testid="data-status"][data-loaded="true"]')
          .waitFor({ timeout: 60_000 });
        expect(await counts(page, 'train')).toEqual(['20', '20', '20']);
        expect(await counts(page, 'test')).toEqual(['10', '10', '10']);
        expect(await page.locator('.data-class-name').allTextContents()).toEqual([
          'airplane',
          'automobile',
          'bird',
        ]);
        expect(await page.locator('#data-classes').inputValue()).toBe('first:3');
        expect(await page.evaluate(() => location.hash)).toMatch(
          /&data\.classes=first:3&data\.train=20&data\.test=10$/,
        );
      });
    });

    it('loads the stored subset from data/ at start', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cifar-browser-'));
      try {
        const lines: string[] = [];
        const code = await runDataCommand(
          [
            '--from',
            CIFAR10.path,
            '--out',
            dir,
            '--classes',
            'ship,cat,dog',
            '--train-per-class',
            '50',
            '--test-per-class',
            '10',
            '--seed',
            '2',
          ],
          { out: (l) => lines.push(l), err: (l) => lines.push(l) },
        );
        expect(code, lines.join('\n')).toBe(0);
        await withApp(browser(), tetrahedron, withData(dir), async ({ page }) => {
          await page
            .locator('[data-testid="data-status"][data-loaded="true"]')
            .waitFor({ timeout: 30_000 });
          expect(await status(page).textContent()).toMatch(
            /CIFAR-10: 150 training and 30 test images, from the stored subset/,
          );
          expect(await page.locator('.data-class-name').allTextContents()).toEqual([
            'ship',
            'cat',
            'dog',
          ]);
          expect(await counts(page, 'train')).toEqual(['50', '50', '50']);
          expect(await counts(page, 'test')).toEqual(['10', '10', '10']);
          expect(await page.locator('#data-classes').inputValue()).toBe('ship,cat,dog');
          expect(await page.getByTestId('preview-grid').locator('canvas').count()).toBe(20);
          await screenshot(page.locator('.data-panel'), 'data-stored-subset');
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});

/** "1.23 s" or "870 ms" (after "loaded in") -> milliseconds. */
function parseDuration(text: string): number {
  const m = /([\d.]+)\s*(ms|s)\b/.exec(text);
  if (!m) throw new Error(`no duration in "${text}"`);
  return Number(m[1]) * (m[2] === 's' ? 1000 : 1);
}
