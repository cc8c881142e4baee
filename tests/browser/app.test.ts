import type { Page } from 'playwright-core';
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

/** The stage's hint shows the words for this kind of pointer, and only those. */
async function expectHint(page: Page, shown: 'mouse' | 'touch', words: string): Promise<void> {
  const hidden = shown === 'mouse' ? 'touch' : 'mouse';
  expect(await page.locator(`.stage-hint .hint-${shown}`).isVisible()).toBe(true);
  expect(await page.locator(`.stage-hint .hint-${hidden}`).isVisible()).toBe(false);
  expect(await page.locator(`.stage-hint .hint-${shown}`).textContent()).toBe(words);
}

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

  it.each([
    ['', 'app-phone'],
    ['&present=1', 'app-phone-present'],
  ])(
    'fits a phone: one column, the scene first, nothing wider than the screen (%s)',
    async (extra, shot) => {
      const phone = { width: 390, height: 844 };
      const options = { viewport: phone, touch: true };
      await withApp(browser(), `${tetrahedron}${extra}`, options, async ({ page }) => {
        await waitForScene(page, 'kasarla/4/3/0');
        const layout = await page.evaluate(() => {
          const box = (s: string) => {
            const el = document.querySelector<HTMLElement>(s);
            if (!el) throw new Error(`no ${s}`);
            const b = el.getBoundingClientRect();
            return {
              top: b.top,
              bottom: b.bottom,
              scroll: el.scrollHeight,
              client: el.clientHeight,
            };
          };
          return {
            pageWidth: document.documentElement.scrollWidth,
            scene: box('.viewport'),
            controls: box('.panel'),
          };
        });
        // No sideways scrolling: the top bar's buttons and the analysis cards wrap to the screen.
        expect(layout.pageWidth).toBe(phone.width);
        // The scene comes first, then the controls at their full height (not a box that scrolls
        // inside the page).
        expect(layout.scene.bottom).toBeLessThanOrEqual(layout.controls.top);
        expect(layout.controls.scroll).toBeLessThanOrEqual(layout.controls.client + 1);
        // A touch screen has no scroll wheel: the hint shown says pinch and tap.
        await expectHint(
          page,
          'touch',
          'drag to rotate · pinch to zoom · tap a prototype for details',
        );
        await screenshot(page, shot);
      });
    },
  );

  it('keeps the sphere whole across a tall, narrow stage', async () => {
    // A tablet held upright: the stage beside the controls is about half as wide as it is high.
    const tablet = { width: 800, height: 1100 };
    await withApp(browser(), tetrahedron, { viewport: tablet }, async ({ page }) => {
      await waitForScene(page, 'kasarla/4/3/0');
      const canvas = page.locator('[data-testid="scene"] canvas');
      const c = await canvas.boundingBox();
      if (!c) throw new Error('no canvas');
      expect(c.width / c.height).toBeLessThan(0.7);
      // With a mouse (no touch screen), the hint shown speaks of scrolling and clicking.
      await expectHint(
        page,
        'mouse',
        'drag to rotate · scroll to zoom · click a prototype for details',
      );
      await screenshot(page, 'app-tall-stage');
      // Strips at the stage's left and right edges, level with the sphere's centre, show only
      // the background; the middle shows the sphere.
      const foreground = async (x: number, y: number, width: number, height: number) => {
        const png = await page.screenshot({ clip: { x, y, width, height } });
        return (await pixelStats(page, png, [])).foreground;
      };
      const band = { y: c.y + c.height * 0.4, height: c.height * 0.2 };
      expect(await foreground(c.x, band.y, 6, band.height)).toBe(0);
      expect(await foreground(c.x + c.width - 6, band.y, 6, band.height)).toBe(0);
      expect(
        await foreground(c.x + c.width * 0.3, band.y, c.width * 0.4, band.height),
      ).toBeGreaterThan(0.5);
    });
  });
});
