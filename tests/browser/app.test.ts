import { describe, expect, inject, it } from 'vitest';
import { prototypeColor } from '../../src/scene/palette.ts';
import {
  browserForFile,
  facingPrototypes,
  pixelStats,
  screenshot,
  waitForScene,
  withApp,
} from './harness.ts';

const url = inject('previewUrl');
/** The page opened on the regular tetrahedron (the default is LSE with N = 12). */
const tetrahedron = `${url}#method=kasarla&N=4&n=3`;
const browser = browserForFile();

describe('Hypersphere Lab in Chromium', () => {
  it('loads without errors and draws the regular tetrahedron', async () => {
    await withApp(browser(), tetrahedron, async (app) => {
      const { page } = app;
      await expect.poll(() => page.locator('h1').textContent()).toBe('Hypersphere Lab');
      await waitForScene(page, 'kasarla/4/3/0');

      expect(await page.getByTestId('metric-max-cosine').textContent()).toBe('-0.3333');
      expect(await page.getByTestId('metric-min-angle').textContent()).toBe('109.47');
      expect(await page.locator('.proto-label').allTextContents()).toEqual(['0', '1', '2', '3']);
      expect(await page.locator('#method').inputValue()).toBe('kasarla');

      // The canvas is large...
      const canvas = page.locator('[data-testid="scene"] canvas');
      const box = await canvas.boundingBox();
      expect(box?.width).toBeGreaterThan(700);
      expect(box?.height).toBeGreaterThan(600);

      // ...and shows a shaded sphere with the prototypes on it, in their colours.
      await screenshot(page, 'app-default');
      const png = await screenshot(canvas, 'canvas-tetrahedron');
      const facing = await facingPrototypes(page);
      expect(facing.length).toBeGreaterThanOrEqual(2);
      const colours = facing.map(prototypeColor);
      const stats = await pixelStats(page, png, colours);
      expect(stats.foreground).toBeGreaterThan(0.15);
      expect(stats.distinctColours).toBeGreaterThan(300);
      for (const [k, count] of stats.targetPixels.entries()) {
        expect(
          count,
          `pixels in the colour of prototype ${facing[k]} (${colours[k]})`,
        ).toBeGreaterThan(40);
      }
    });
  });

  it('shows max cosine 0 for the cross-polytope with N = 6', async () => {
    await withApp(browser(), tetrahedron, async ({ page }) => {
      await waitForScene(page, 'kasarla/4/3/0');
      await page.locator('#method').selectOption('orthoplex');
      await page.locator('#N').fill('6');
      await waitForScene(page, 'orthoplex/6/3/0');

      expect(await page.getByTestId('metric-max-cosine').textContent()).toBe('0.0000');
      expect(await page.getByTestId('metric-min-angle').textContent()).toBe('90.00');
      expect(await page.locator('.proto-label').count()).toBe(6);
      await expect.poll(() => page.getByTestId('error').count()).toBe(0);

      const png = await screenshot(
        page.locator('[data-testid="scene"] canvas'),
        'canvas-orthoplex-6',
      );
      const facing = await facingPrototypes(page);
      expect(facing.length).toBeGreaterThanOrEqual(2);
      const stats = await pixelStats(page, png, facing.map(prototypeColor));
      expect(stats.foreground).toBeGreaterThan(0.15);
      expect(Math.min(...stats.targetPixels)).toBeGreaterThan(40);
    });
  });

  it('explains an infeasible choice and keeps the previous prototypes', async () => {
    await withApp(browser(), tetrahedron, async (app) => {
      const { page } = app;
      await waitForScene(page, 'kasarla/4/3/0');
      await page.locator('#method').selectOption('orthoplex');
      await page.locator('#N').fill('6');
      await waitForScene(page, 'orthoplex/6/3/0');

      await page.locator('#method').selectOption('onehot');
      const error = page.getByTestId('error');
      await expect.poll(() => error.textContent()).toMatch(/onehot cannot run at N = 6, n = 3/);
      expect(await error.textContent()).toMatch(/N <= n/);

      // The controls show the request; the scene and readout keep the cross-polytope.
      expect(await page.locator('#method').inputValue()).toBe('onehot');
      expect(await page.locator('#N').inputValue()).toBe('6');
      expect(await page.getByTestId('shown').textContent()).toMatch(/Cross-polytope/);
      expect(await page.getByTestId('metric-max-cosine').textContent()).toBe('0.0000');
      expect(await page.locator('.proto-label').count()).toBe(6);
      await waitForScene(page, 'orthoplex/6/3/0');
      await screenshot(page, 'app-infeasible');

      // A feasible choice clears the message.
      await page.locator('#N').fill('3');
      await waitForScene(page, 'onehot/3/3/0');
      await expect.poll(() => error.count()).toBe(0);
      expect(await page.locator('.proto-label').count()).toBe(3);
    });
  });
});
