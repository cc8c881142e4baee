import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { paletteColor } from '../../src/scene/palette.ts';
import {
  browserForFile,
  facingPrototypes,
  pixelStats,
  screenshot,
  waitForScene,
  withApp,
} from './harness.ts';

const url = inject('previewUrl');
const browser = browserForFile();

const text = (page: Page, id: string) => page.getByTestId(id).textContent();
/** Long enough for thirteen steps on a busy two-core machine (SwiftShader draws every one). */
const LONG = 300_000;

/** Waits for the step's prototypes and reads what the metrics panel says about them. */
async function readStep(page: Page, k: number, scene: string) {
  await expect
    .poll(() => text(page, 'tour-progress'), { timeout: 20_000 })
    .toMatch(new RegExp(`^Tour · step ${k} of 13`));
  await waitForScene(page, scene, 60_000);
  return {
    title: await text(page, 'tour-title'),
    maxCosine: await text(page, 'metric-max-cosine'),
    minAngle: await text(page, 'metric-min-angle'),
  };
}

/** The name of the element that has the focus (its test id, or its tag). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.dataset.testid ?? el?.tagName ?? '';
  });

describe('the guided tour', () => {
  it(
    'is stepped through to the end by keyboard alone, each step showing its preset',
    async () => {
      await withApp(browser(), url, async ({ page }) => {
        await waitForScene(page, 'best/12/3/0');
        const angleBefore = await text(page, 'metric-min-angle');
        // Tab to the tour's start, Enter: the first step, with the focus on its title.
        for (let i = 0; i < 10 && (await focused(page)) !== 'tour-start'; i++) {
          await page.keyboard.press('Tab');
        }
        expect(await focused(page)).toBe('tour-start');
        await page.keyboard.press('Enter');
        let step = await readStep(page, 1, 'orthoplex/6/3/0');
        expect(step).toEqual({ title: 'Why normalise?', maxCosine: '0.0000', minAngle: '90.00' });
        expect(await focused(page)).toBe('tour-title');

        // What presentation clickers send: PageDown, arrows, space.
        await page.keyboard.press('PageDown');
        step = await readStep(page, 2, 'random/12/3/0');
        expect(step.minAngle).toBe('8.86');
        await page.keyboard.press('ArrowRight');
        step = await readStep(page, 3, 'best/12/3/0');
        expect(step).toMatchObject({ maxCosine: '0.4472', minAngle: '63.43' }); // the icosahedron
        await page.keyboard.press(' ');
        step = await readStep(page, 4, 'onehot/3/3/0');
        expect(step).toEqual({ title: 'n = 3: one-hot', maxCosine: '0.0000', minAngle: '90.00' });
        await page.keyboard.press('ArrowDown');
        step = await readStep(page, 5, 'bch/2/3/0');
        expect(step).toMatchObject({ maxCosine: '-1.0000', minAngle: '180.00' });
        await page.keyboard.press('PageDown');
        step = await readStep(page, 6, 'rm/4/3/0');
        expect(step).toEqual({
          title: 'n = 3: the even-weight code',
          maxCosine: '-0.3333',
          minAngle: '109.47',
        });
        await screenshot(page, 'tour-tetrahedron');

        const rest: [number, string, string][] = [
          [7, 'mettes/10/16/0', '-0.0567'],
          [8, 'kasarla/10/16/0', '-0.1111'],
          [9, 'lse/10/16/0', '-0.1111'],
          [10, 'rm/16/8/0', '0.0000'],
          [11, 'rm/100/64/0', '0.0000'],
          [12, 'random/100/64/0', '0.4290'],
          [13, 'rm/100/64/0', '0.0000'],
        ];
        for (const [k, scene, maxCosine] of rest) {
          await page.keyboard.press('PageDown');
          expect((await readStep(page, k, scene)).maxCosine).toBe(maxCosine);
        }
        expect(await text(page, 'tour-title')).toBe('Labelling and relabelling');
        expect(await text(page, 'tour-progress')).toBe(
          'Tour · step 13 of 13 · the end of the tour',
        );
        expect(await page.getByTestId('tour-next').isDisabled()).toBe(true);
        // The view follows the step: n = 64 is shown as a projection, contacts off.
        expect(await page.getByTestId('scene').getAttribute('data-view')).toBe('proj');
        await screenshot(page, 'tour-last-step');
        // Past the end stays at the end; the link names the step.
        await page.keyboard.press('PageDown');
        await expect
          .poll(() => page.evaluate(() => location.hash), { timeout: 20_000 })
          .toMatch(/&tour=13(&|$)/);
        expect(await text(page, 'tour-progress')).toMatch(/^Tour · step 13 of 13/);
        await page.keyboard.press('PageUp');
        await readStep(page, 12, 'random/100/64/0');
        // Back to what was there before the tour: the same prototypes, shown again at once.
        await page.getByTestId('tour-return').click();
        await expect.poll(() => page.getByTestId('tour').count()).toBe(0);
        await waitForScene(page, 'best/12/3/0');
        expect(await text(page, 'metric-min-angle')).toBe(angleBefore);
        expect(await page.getByTestId('job').count()).toBe(0);
        await expect
          .poll(() => page.evaluate(() => location.hash), { timeout: 20_000 })
          .toBe('#method=best&N=12&n=3&seed=0&view=s2&opt.steps=2000');
      });
    },
    LONG,
  );

  it(
    'opens a linked step (#tour=6) as its preset; Home and End jump, T leaves',
    async () => {
      await withApp(browser(), `${url}#tour=6`, async ({ page }) => {
        const step = await readStep(page, 6, 'rm/4/3/0');
        expect(step.minAngle).toBe('109.47');
        // Opened by a link: there is no page from before the tour to go back to.
        expect(await page.getByTestId('tour-return').count()).toBe(0);
        expect(await page.locator('#method').inputValue()).toBe('rm');
        await expect
          .poll(() => page.evaluate(() => location.hash), { timeout: 20_000 })
          .toBe('#method=rm&N=4&n=3&seed=0&view=s2&tour=6&opt.fit=shorten');
        await page.keyboard.press('End');
        await readStep(page, 13, 'rm/100/64/0');
        await page.keyboard.press('Home');
        await readStep(page, 1, 'orthoplex/6/3/0');
        await page.keyboard.press('t');
        await expect.poll(() => page.getByTestId('tour').count(), { timeout: 20_000 }).toBe(0);
        // With the tour closed (and not presenting), the clicker keys are the page's again.
        await page.keyboard.press('PageDown');
        expect(await page.getByTestId('tour').count()).toBe(0);
        expect(await page.locator('#method').inputValue()).toBe('orthoplex');
      });
    },
    LONG,
  );

  it('opens and closes the shortcut help by keyboard, and never while typing', async () => {
    await withApp(browser(), `${url}#method=kasarla&N=4&n=3`, async (app) => {
      const { page } = app;
      await waitForScene(page, 'kasarla/4/3/0');
      const help = page.getByTestId('help');
      expect(await help.isVisible()).toBe(false);
      await page.keyboard.press('?');
      await expect.poll(() => help.isVisible(), { timeout: 20_000 }).toBe(true);
      expect(await help.getByRole('heading').textContent()).toBe('Keyboard shortcuts');
      expect(await help.locator('tr').count()).toBe(11);
      // Modal: the focus is inside, and the other shortcuts rest.
      expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(
        true,
      );
      await screenshot(page, 'help-overlay');
      await page.keyboard.press('Escape');
      await expect.poll(() => help.isVisible(), { timeout: 20_000 }).toBe(false);
      await page.keyboard.press('?');
      await expect.poll(() => help.isVisible(), { timeout: 20_000 }).toBe(true);
      // The dialog hides at Escape but fires its close event a task later: a ? pressed in
      // between reopens it, and that late event must not close it again.
      await page.waitForTimeout(500);
      expect(await help.isVisible()).toBe(true);
      await page.keyboard.press('?');
      await expect.poll(() => help.isVisible(), { timeout: 20_000 }).toBe(false);

      // Typing in a field: ? and the letters stay in the field.
      await page.locator('#seed').focus();
      await page.keyboard.press('?');
      await page.keyboard.press('t');
      await page.keyboard.press('p');
      expect(await help.isVisible()).toBe(false);
      expect(await page.getByTestId('tour').count()).toBe(0);
      expect(await page.locator('.app').getAttribute('class')).toBe('app');
    });
  });

  it('presentation mode enlarges the type and slows the animation; the palette recolours the scene', async () => {
    await withApp(browser(), `${url}#method=kasarla&N=4&n=3`, async (app) => {
      const { page } = app;
      await waitForScene(page, 'kasarla/4/3/0');
      const size = (selector: string) =>
        page
          .locator(selector)
          .first()
          .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
      const before = {
        text: await size('.shown'),
        heading: await size('#metrics-title'),
        number: await size('[data-testid="metric-min-angle"]'),
        label: await size('.proto-label'),
      };
      expect(await text(page, 'speed')).toBe('max');

      await page.keyboard.press('p');
      await expect
        .poll(() => page.locator('.app').getAttribute('class'), { timeout: 20_000 })
        .toBe('app present');
      const after = {
        text: await size('.shown'),
        heading: await size('#metrics-title'),
        number: await size('[data-testid="metric-min-angle"]'),
        label: await size('.proto-label'),
      };
      for (const key of Object.keys(before) as (keyof typeof before)[]) {
        expect(after[key], key).toBeGreaterThanOrEqual(before[key] * 1.3);
      }
      expect(await text(page, 'speed')).toBe('200 steps/s');
      await expect
        .poll(() => page.getByTestId('present-toggle').getAttribute('aria-pressed'))
        .toBe('true');
      await expect
        .poll(() => page.evaluate(() => location.hash), { timeout: 20_000 })
        .toMatch(/&present=1/);

      // The palette: Okabe-Ito in the labels...
      const canvas = page.locator('[data-testid="scene"] canvas');
      const facing = await facingPrototypes(page);
      expect(facing.length).toBeGreaterThanOrEqual(2);
      const lab = facing.map((i) => paletteColor('default', i));
      const labBefore = await pixelStats(page, await screenshot(canvas, 'present-lab'), lab);
      await page.keyboard.press('c');
      await expect
        .poll(() => page.getByTestId('palette').inputValue(), { timeout: 20_000 })
        .toBe('okabe-ito');
      await expect
        .poll(() => page.evaluate(() => location.hash), { timeout: 20_000 })
        .toMatch(/&present=1&palette=okabe-ito/);
      const labelColour = () =>
        page.locator('.proto-label[data-index="1"]').evaluate((el) => getComputedStyle(el).color);
      expect(await labelColour()).toBe('rgb(86, 180, 233)'); // Okabe-Ito sky blue
      await screenshot(page, 'present-okabe-ito');

      // ...and high contrast on the canvas, whose hues are far from the lab's: the markers and
      // cells take the new colours and the old ones are gone.
      await page.keyboard.press('c');
      await expect
        .poll(() => page.getByTestId('palette').inputValue(), { timeout: 20_000 })
        .toBe('high-contrast');
      expect(await labelColour()).toBe('rgb(255, 255, 0)');
      await page.evaluate(
        () =>
          new Promise<void>((resolve) =>
            requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
          ),
      );
      const bright = facing.map((i) => paletteColor('high-contrast', i));
      const highContrast = await pixelStats(
        page,
        await screenshot(canvas, 'present-high-contrast'),
        [...bright, ...lab],
      );
      bright.forEach((colour, k) => {
        if (colour === '#ffffff') return; // white has no hue to find
        expect(highContrast.targetPixels[k], `pixels in ${colour}`).toBeGreaterThan(40);
      });
      const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
      expect(sum(labBefore.targetPixels)).toBeGreaterThan(200);
      expect(sum(highContrast.targetPixels.slice(bright.length))).toBeLessThan(
        sum(labBefore.targetPixels) / 4,
      );
      await screenshot(page, 'present-mode');
      // Full screen shows the app alone, and F leaves it again.
      const fullscreen = () => page.evaluate(() => document.fullscreenElement?.className ?? null);
      await page.keyboard.press('f');
      await expect.poll(fullscreen, { timeout: 20_000 }).toBe('app present');
      expect(await page.getByTestId('fullscreen').getAttribute('aria-pressed')).toBe('true');
      await page.keyboard.press('f');
      await expect.poll(fullscreen, { timeout: 20_000 }).toBeNull();

      // Leaving presentation mode restores the type and the speed; the palette stays.
      await page.keyboard.press('p');
      await expect.poll(() => size('.shown'), { timeout: 20_000 }).toBe(before.text);
      expect(await text(page, 'speed')).toBe('max');
      expect(await page.getByTestId('palette').inputValue()).toBe('high-contrast');
    });
  });
});
