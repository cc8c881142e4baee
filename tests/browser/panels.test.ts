import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  browserForFile,
  openApp,
  REPO_ROOT,
  screenshot,
  waitForScene,
  withApp,
} from './harness.ts';

const url = inject('previewUrl');
const browser = browserForFile();

const text = (page: Page, id: string) => page.getByTestId(id).textContent();

/** Pair counts of the histogram's bars, read from the SVG. */
function barCounts(page: Page): Promise<number[]> {
  return page
    .locator('[data-testid="histogram"] rect.bar')
    .evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('data-count'))));
}

describe('metrics and analysis panels', () => {
  it('show the tetrahedron and the octahedron against their bounds', async () => {
    await withApp(browser(), `${url}#method=kasarla&N=4&n=3`, async ({ page }) => {
      await waitForScene(page, 'kasarla/4/3/0');
      // The regular simplex meets Rankin's simplex bound -1/(N-1) = -1/3: a gap of exactly 0.
      expect(await text(page, 'metric-max-cosine')).toBe('-0.3333');
      expect(await text(page, 'metric-min-angle')).toBe('109.47');
      expect(await text(page, 'metric-mean-cosine')).toBe('-0.3333');
      expect(await text(page, 'bound-rankin')).toBe('-0.3333');
      expect(await text(page, 'bound-orthoplex')).toBe('n/a'); // N <= n + 1
      expect(await text(page, 'bound-levenshtein')).toBe('-0.3333');
      expect(await text(page, 'metric-gap')).toBe('0.0000');
      // All 6 pairs in one bar; a 4 x 4 Gram matrix.
      await expect.poll(() => barCounts(page)).toEqual([6]);
      expect(await page.getByTestId('heatmap').getAttribute('data-size')).toBe('4');

      // Every method at (4, 3), computed in the analysis worker.
      await page.getByRole('button', { name: /Compare all methods/ }).click();
      const kasarlaRow = page.locator('[data-testid="method-table"] tr', {
        hasText: 'Simplex (Kasarla)',
      });
      await expect.poll(() => kasarlaRow.textContent(), { timeout: 30_000 }).toMatch(/-0\.3333/);
      await expect
        .poll(() => page.locator('[data-testid="method-table"] tbody tr').count(), {
          timeout: 30_000,
        })
        .toBeGreaterThanOrEqual(9 + 4);
      expect(
        await page.locator('[data-testid="method-table"] tr', { hasText: 'One-hot' }).textContent(),
      ).toMatch(/N <= n|N ≤ n/);
      await screenshot(page.getByTestId('metrics'), 'panels-metrics-tetrahedron');
      await screenshot(page.locator('.analysis'), 'panels-analysis-tetrahedron');

      // The octahedron: Rankin's orthoplex bound 0 is met, so the gap is 0 again.
      const octa = await openApp(browser(), `${url}#method=orthoplex&N=6&n=3`);
      try {
        await waitForScene(octa.page, 'orthoplex/6/3/0');
        expect(await text(octa.page, 'metric-max-cosine')).toBe('0.0000');
        expect(await text(octa.page, 'bound-orthoplex')).toBe('0.0000');
        expect(await text(octa.page, 'bound-rankin')).toBe('-0.2000');
        expect(await text(octa.page, 'metric-gap')).toBe('0.0000');
        // 3 antipodal pairs at -1 and 12 orthogonal pairs at 0.
        await expect
          .poll(() => barCounts(octa.page).then((c) => [c[0], c.at(-1)]))
          .toEqual([3, 12]);
        expect(octa.errors).toEqual([]);
      } finally {
        await octa.close();
      }
    });
  });

  it('opens on well separated prototypes, and one click finds better ones', async () => {
    // The first view: the best 12 prototypes on S^2, the icosahedron, at the Levenshtein bound
    // (arccos(1/sqrt 5) = 63.43 degrees), the same on every machine (a fixed step count).
    await withApp(browser(), url, async ({ page }) => {
      await waitForScene(page, 'best/12/3/0');
      const bound = (Math.acos(1 / Math.sqrt(5)) * 180) / Math.PI;
      const angle = Number(await text(page, 'metric-min-angle'));
      expect(Math.abs(angle - bound)).toBeLessThan(1);
      expect(await text(page, 'metric-max-cosine')).toBe('0.4472');
      expect(await text(page, 'metric-better')).toBe(
        'Optimal: no 12 points on this sphere can all be further apart than these (63.43°).',
      );
      expect(await page.getByTestId('metric-stuck').count()).toBe(0);
      await screenshot(page, 'first-view');
    });
    // Mettes' 20 prototypes: how far from the best, and the button that finds better ones
    // (the fixed plan's 20 on S^2 reach max cosine 0.6765; the Levenshtein bound is 0.6547).
    await withApp(browser(), `${url}#method=mettes&N=20&n=3`, async ({ page }) => {
      await waitForScene(page, 'mettes/20/3/0');
      await expect
        .poll(() => text(page, 'metric-better'))
        .toMatch(/^The closest pair is 45\.2° apart; 20 points can reach at most 49\.1°\./);
      await page.getByTestId('find-better').click();
      await waitForScene(page, 'best/20/3/0');
      expect(await text(page, 'metric-max-cosine')).toBe('0.6765');
      expect(await page.evaluate(() => location.hash)).toMatch(/method=best.*opt\.steps=20000/);
    });
  });

  it('says when prototypes are stuck nearly together, and one click unsticks them', async () => {
    await withApp(browser(), `${url}#method=lse&N=12&n=3&seed=0`, async ({ page }) => {
      await waitForScene(page, 'lse/12/3/0');
      // The authors' step size leaves two of the 12 together (Levenshtein: at most 63.4 degrees).
      await expect
        .poll(() => text(page, 'metric-stuck'))
        .toMatch(
          /^Two prototypes are stuck nearly together: \d+\.\d° apart, while no 12 points on this sphere can all be more than 63\.4° apart\./,
        );
      await screenshot(page.getByTestId('metrics'), 'panels-metrics-stuck');
      await page.getByRole('button', { name: 'Halve the step size (0.100)' }).click();
      // The icosahedron: cosine 1/sqrt(5), the bound, and nothing to say any more.
      await expect.poll(() => text(page, 'metric-max-cosine'), { timeout: 30_000 }).toBe('0.4472');
      expect(await page.getByTestId('metric-stuck').count()).toBe(0);
      // The link follows within its write delay (the result may come back sooner).
      await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/lr=0\.1/);
    });
  });

  it('loads prototypes written by the command line, and rejects a corrupt file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'panels-'));
    const file = join(dir, 'octahedron.npy');
    execFileSync(
      process.execPath,
      [
        'bin/hypersphere-lab.mjs',
        'prototypes',
        '--method',
        'orthoplex',
        '-N',
        '6',
        '-n',
        '3',
        '--out',
        file,
      ],
      { cwd: REPO_ROOT },
    );
    await withApp(browser(), `${url}#method=kasarla&N=4&n=3`, async ({ page }) => {
      await waitForScene(page, 'kasarla/4/3/0');
      const input = page.getByTestId('prototype-file');
      await input.setInputFiles({
        name: 'octahedron.npy',
        mimeType: 'application/octet-stream',
        buffer: readFileSync(file),
      });
      await expect.poll(() => text(page, 'metric-max-cosine')).toBe('0.0000');
      expect(await text(page, 'metric-min-angle')).toBe('90.00');
      expect(await text(page, 'shown')).toMatch(/file: octahedron\.npy/);
      expect(await text(page, 'file-status')).toMatch(/6 prototypes in n = 3/);
      await waitForScene(page, 'file: octahedron.npy/6/3/0');
      await expect.poll(() => barCounts(page).then((c) => c.reduce((a, b) => a + b, 0))).toBe(15);

      await input.setInputFiles({
        name: 'broken.npy',
        mimeType: 'application/octet-stream',
        buffer: Buffer.from('this is not a numpy file'),
      });
      const error = page.getByTestId('file-error');
      await expect.poll(() => error.textContent()).toMatch(/^broken\.npy: /);
      // Nothing else changed.
      expect(await text(page, 'metric-max-cosine')).toBe('0.0000');
      expect(await text(page, 'shown')).toMatch(/file: octahedron\.npy/);
      await screenshot(page.locator('.file-loader'), 'panels-file-error');

      // The sweep for N = 6 runs in a worker and draws every method against n, with the exact
      // constructions where they exist: the cross-polytope (0 from n = 3) and the simplex
      // (-1/5 from n = 5).
      await page.getByRole('button', { name: 'Run the sweep at N = 6' }).click();
      const sweep = page.getByTestId('sweep');
      await expect.poll(() => sweep.getByTestId('analysis-progress').count()).toBe(1);
      await expect
        .poll(() => sweep.getByTestId('analysis-progress').count(), { timeout: 60_000 })
        .toBe(0);
      const titles = await sweep.locator('circle title').allTextContents();
      expect(titles).toContain('Cross-polytope, n = 3: 0.0000');
      expect(titles).toContain('Simplex (Kasarla), n = 8: -0.2000');
      expect(titles.some((t) => t.startsWith('Best found, n = 512: '))).toBe(true);
      await screenshot(page.locator('[data-testid="fold-sweep"]'), 'panels-sweep');
    });
  });
});
