import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ShownPrototypes } from '../../src/state/debugHook.ts';
import {
  launchBrowser,
  openApp,
  pixelStats,
  REPO_ROOT,
  screenshot,
  waitForScene,
  withApp,
} from './harness.ts';

const url = inject('previewUrl');
const SLOW = { timeout: 60_000 };
let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'exports-'));
});

afterAll(async () => {
  await browser?.close();
});

const shown = (page: Page) =>
  page.evaluate(
    () => window.__hypersphereLab?.current() ?? null,
  ) as Promise<ShownPrototypes | null>;
const hashOf = (page: Page) => page.evaluate(() => window.__hypersphereLab?.hash() ?? '');

/** Waits until the prototypes of `key` ("method/N/n/seed") are finished and no job runs. */
async function waitForResult(page: Page, key: string): Promise<void> {
  await page.waitForFunction(
    (k) => {
      const c = window.__hypersphereLab?.current();
      const idle = document.querySelector('[data-testid="job"]') === null;
      return idle && c !== null && c !== undefined && `${c.method}/${c.N}/${c.n}/${c.seed}` === k;
    },
    key,
    { timeout: 90_000 },
  );
}

/** Clicks a button that saves a file, and keeps the file; returns its path. */
async function saveFrom(page: Page, testId: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download', SLOW),
    page.getByTestId(testId).click(),
  ]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

/** The command-line tool's output for the same request. */
function cli(args: string[]): Buffer {
  return execFileSync(process.execPath, ['bin/hypersphere-lab.mjs', ...args], { cwd: REPO_ROOT });
}

/** numpy's view of an .npy file: shape, dtype, values and the Gram matrix. */
function numpyRead(path: string): {
  shape: number[];
  dtype: string;
  data: number[];
  gram: number[][];
} {
  const script = [
    'import json, sys, numpy',
    'a = numpy.load(sys.argv[1])',
    'g = a.astype(numpy.float64) @ a.astype(numpy.float64).T',
    'print(json.dumps({"shape": list(a.shape), "dtype": str(a.dtype),',
    '  "data": [float(x) for x in a.ravel()], "gram": g.tolist()}))',
  ].join('\n');
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, path]).toString());
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('exports', () => {
  it('saves the prototypes exactly as the command line writes them, and numpy reads them', async () => {
    await withApp(browser, `${url}#method=kasarla&N=4&n=3`, async ({ page }) => {
      await waitForResult(page, 'kasarla/4/3/0');
      const values = (await shown(page))?.data ?? [];
      expect(values).toHaveLength(12);
      const request = ['prototypes', '--method', 'kasarla', '-N', '4', '-n', '3'];

      // .npy, float32 as the CLI's default: byte for byte the CLI's file.
      const npy = await saveFrom(page, 'export-npy');
      expect(basename(npy)).toBe('kasarla-N4-n3-seed0.npy');
      const cliNpy = join(dir, 'cli.npy');
      cli([...request, '--out', cliNpy]);
      expect(readFileSync(npy).equals(readFileSync(cliNpy))).toBe(true);
      const f32 = numpyRead(npy);
      expect(f32.shape).toEqual([4, 3]);
      expect(f32.dtype).toBe('float32');
      expect(f32.data).toEqual(values.map(Math.fround));
      // The regular tetrahedron: every pair at cosine -1/3, up to float32 rounding.
      for (let i = 0; i < 4; i++) {
        for (let j = 0; j < 4; j++) {
          expect(Math.abs(f32.gram[i][j] - (i === j ? 1 : -1 / 3))).toBeLessThan(1e-6);
        }
      }

      // float64: exactly the numbers on the page.
      await page.getByTestId('export-dtype').selectOption('float64');
      const npy64 = await saveFrom(page, 'export-npy');
      const f64 = numpyRead(npy64);
      expect(f64.dtype).toBe('float64');
      expect(f64.data).toEqual(values);
      const cliNpy64 = join(dir, 'cli64.npy');
      cli([...request, '--dtype', 'float64', '--out', cliNpy64]);
      expect(readFileSync(npy64).equals(readFileSync(cliNpy64))).toBe(true);

      // .csv and the JSON report, as the CLI prints them (the JSON's time aside).
      const csv = await saveFrom(page, 'export-csv');
      expect(readFileSync(csv, 'utf8')).toBe(cli([...request, '--format', 'csv']).toString());
      const json = JSON.parse(readFileSync(await saveFrom(page, 'export-json'), 'utf8'));
      const cliJson = JSON.parse(cli([...request, '--format', 'json']).toString());
      expect(typeof json.timeMs).toBe('number');
      delete json.timeMs;
      delete cliJson.timeMs;
      expect(json).toEqual(cliJson);
      expect(json.prototypes.flat()).toEqual(values);
    });
  }, 300_000);

  it('saves the 3D view and every chart as PNG, and the vector charts as SVG', async () => {
    await withApp(browser, `${url}#method=kasarla&N=4&n=3`, async ({ page }) => {
      await waitForScene(page, 'kasarla/4/3/0', 90_000);

      const scene = readFileSync(await saveFrom(page, 'save-scene-png'));
      const canvas = await page.locator('[data-testid="scene"] canvas').evaluate((c) => ({
        width: (c as HTMLCanvasElement).width,
        height: (c as HTMLCanvasElement).height,
      }));
      expect(pngSize(scene)).toEqual(canvas);
      const sceneStats = await pixelStats(page, scene, []);
      expect(sceneStats.foreground).toBeGreaterThan(0.05); // the sphere and the prototypes
      expect(sceneStats.distinctColours).toBeGreaterThan(30);
      writeFileSync(join(REPO_ROOT, 'test-results', 'exports-scene.png'), scene);

      // The histogram: its one bar of 6 pairs, as SVG with the page's look written inline.
      await expect
        .poll(() => page.locator('[data-testid="histogram"] rect.bar').count(), SLOW)
        .toBe(1);
      const svg = readFileSync(await saveFrom(page, 'save-histogram-svg'), 'utf8');
      expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg /);
      expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
      expect(svg.match(/data-count="6"/g)).toHaveLength(1);
      expect(svg).not.toContain('class=');
      expect(svg).toMatch(/style="fill:rgb\(/);
      // It is a valid image on its own: the browser draws it.
      const drawn = await page.evaluate(async (text) => {
        const img = new Image();
        img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
        await img.decode();
        return [img.naturalWidth, img.naturalHeight];
      }, svg);
      const viewBox =
        svg
          .match(/viewBox="0 0 (\d+) (\d+)"/)
          ?.slice(1)
          .map(Number) ?? [];
      expect(drawn).toEqual(viewBox);
      const histogram = readFileSync(await saveFrom(page, 'save-histogram-png'));
      expect(pngSize(histogram)).toEqual({ width: viewBox[0] * 2, height: viewBox[1] * 2 });
      const histStats = await pixelStats(page, histogram, []);
      expect(histStats.foreground).toBeGreaterThan(0.01);
      writeFileSync(join(REPO_ROOT, 'test-results', 'exports-histogram.png'), histogram);

      // The Gram heatmap is raster: a PNG only, enlarged with sharp cells.
      expect(await page.getByTestId('save-heatmap-svg').count()).toBe(0);
      const heatmap = readFileSync(await saveFrom(page, 'save-heatmap-png'));
      expect(pngSize(heatmap)).toEqual({ width: 512, height: 512 });
      const heatStats = await pixelStats(page, heatmap, []);
      expect(heatStats.distinctColours).toBe(2); // the diagonal (1) and every other cell (-1/3)

      // The sweep chart draws the bounds before any sweep is run.
      const sweep = readFileSync(await saveFrom(page, 'save-sweep-svg'), 'utf8');
      expect(sweep).toContain('aria-label="Max cosine against dimension"');
      expect(sweep).toMatch(/<path[^>]* d="M/);
      const sweepPng = readFileSync(await saveFrom(page, 'save-sweep-png'));
      expect(pngSize(sweepPng).width).toBeGreaterThan(400);
    });
  }, 300_000);

  it('a bookmark round-trips to a fresh page; a bad one is refused and changes nothing', async () => {
    const first = await openApp(
      browser,
      `${url}#method=mettes&N=7&n=4&seed=3&view=proj&show.grid=0&opt.steps=200`,
    );
    let bookmarkPath = '';
    let hash = '';
    let made: ShownPrototypes | null = null;
    try {
      const { page } = first;
      await waitForResult(page, 'mettes/7/4/3');
      hash = await hashOf(page);
      made = await shown(page);
      bookmarkPath = await saveFrom(page, 'save-bookmark');
      expect(basename(bookmarkPath)).toBe('hypersphere-lab-mettes-N7-n4-seed3.bookmark.json');
      const bookmark = JSON.parse(readFileSync(bookmarkPath, 'utf8'));
      expect(bookmark).toMatchObject({
        kind: 'hypersphere-lab-bookmark',
        version: 1,
        hash,
        settings: { method: 'mettes', N: 7, n: 4, seed: 3, view: 'proj', 'show.grid': false },
      });
      expect(bookmark.settings['opt.steps']).toBe(200);
      expect(bookmark.prototypes.data).toEqual(made?.data);

      // The link says the same.
      await page.getByTestId('copy-link').click();
      expect(await page.getByTestId('shared-text').inputValue()).toBe(`${url}#${hash}`);
      // The embed code carries the state too.
      await page.getByTestId('copy-embed').click();
      expect(await page.getByTestId('shared-text').inputValue()).toBe(
        `<iframe src="${url}?embed&amp;panels=scene,metrics#${hash.replace(/&/g, '&amp;')}" title="Hypersphere Lab" width="100%" height="640" style="border: 0" loading="lazy"></iframe>`,
      );
      expect(first.errors).toEqual([]);
    } finally {
      await first.close();
    }

    await withApp(browser, url, async ({ page }) => {
      await waitForResult(page, 'best/12/3/0');
      const input = page.getByTestId('bookmark-file');
      // A bad bookmark: a clear message, and the page stays as it was.
      const before = await hashOf(page);
      const beforeData = (await shown(page))?.data;
      await input.setInputFiles({
        name: 'broken.bookmark.json',
        mimeType: 'application/json',
        buffer: Buffer.from(
          JSON.stringify({ kind: 'hypersphere-lab-bookmark', version: 1, settings: { N: 'abc' } }),
        ),
      });
      const message = page.getByTestId('export-message');
      await expect
        .poll(() => message.textContent(), SLOW)
        .toMatch(
          /^broken\.bookmark\.json: This bookmark cannot be loaded: N: "abc" is not a number\. Nothing was changed\.$/,
        );
      expect(await message.getAttribute('role')).toBe('alert');
      expect(await hashOf(page)).toBe(before);
      expect((await shown(page))?.data).toEqual(beforeData);

      // The saved bookmark: the same state and bit-identical prototypes.
      await input.setInputFiles(bookmarkPath);
      await waitForResult(page, 'mettes/7/4/3');
      expect(await hashOf(page)).toBe(hash);
      expect(await page.evaluate(() => location.hash)).toBe(`#${hash}`);
      expect((await shown(page))?.data).toEqual(made?.data);
      expect(await page.getByTestId('scene').getAttribute('data-view')).toBe('proj');
      await expect.poll(() => message.textContent(), SLOW).toMatch(/Loaded the bookmark/);
      await screenshot(page.getByTestId('export'), 'exports-bookmark-loaded');
    });
  }, 300_000);
});
