import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { ShownPrototypes } from '../../src/state/debugHook.ts';
import { browserForFile, openApp, screenshot, withApp } from './harness.ts';

const url = inject('previewUrl');
const browser = browserForFile();

/** The finished prototypes on screen, read through the page's debug hook. */
const shown = (page: Page) =>
  page.evaluate(
    () => window.__hypersphereLab?.current() ?? null,
  ) as Promise<ShownPrototypes | null>;

/** Waits until the prototypes of this request are finished and no job is running. */
async function waitForResult(page: Page, key: string, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    (k) => {
      const c = window.__hypersphereLab?.current();
      const idle = document.querySelector('[data-testid="job"]') === null;
      return idle && c !== null && c !== undefined && `${c.method}/${c.N}/${c.n}/${c.seed}` === k;
    },
    key,
    { timeout },
  );
}

const text = (page: Page, testId: string) => page.getByTestId(testId).textContent();

describe('the page state lives in the URL hash', () => {
  it('runs a Tammes case to completion and shows the proven optimum (N = 12: the icosahedron)', async () => {
    // LSE with a smaller step than the authors' reaches the icosahedron, whose minimum angle
    // arctan(2) = 63.4349 degrees is the proven optimum for 12 points on S^2.
    await withApp(browser(), `${url}#method=lse&N=12&n=3&opt.lr=0.05`, async ({ page }) => {
      await waitForResult(page, 'lse/12/3/0');
      expect(await text(page, 'metric-min-angle')).toBe(
        ((Math.atan(2) * 180) / Math.PI).toFixed(2),
      );
      expect(await text(page, 'metric-max-cosine')).toBe((1 / Math.sqrt(5)).toFixed(4));
    });
  });

  it('opens a link to the regular tetrahedron and to the cross-polytope', async () => {
    await withApp(browser(), `${url}#method=kasarla&N=4&n=3`, async ({ page }) => {
      await waitForResult(page, 'kasarla/4/3/0');
      expect(await text(page, 'metric-min-angle')).toBe('109.47');
      expect(await page.locator('#method').inputValue()).toBe('kasarla');
      expect(await page.locator('#N').inputValue()).toBe('4');
      // The link is completed with the defaults it left out, without a new history entry.
      await expect
        .poll(() => page.evaluate(() => location.hash))
        .toBe('#method=kasarla&N=4&n=3&seed=0&view=s2');
      expect(await page.getByTestId('notice').count()).toBe(0);
      // A change in the controls rewrites the hash in place: no new history entry.
      const entries = await page.evaluate(() => history.length);
      await page.locator('#seed').fill('3');
      await expect
        .poll(() => page.evaluate(() => location.hash))
        .toBe('#method=kasarla&N=4&n=3&seed=3&view=s2');
      expect(await page.evaluate(() => history.length)).toBe(entries);

      // A hash pasted into the open page is followed too.
      await page.evaluate(() => {
        location.hash = '#method=orthoplex&N=6&n=3';
      });
      await waitForResult(page, 'orthoplex/6/3/0');
      expect(await text(page, 'metric-max-cosine')).toBe('0.0000');
      expect(await page.locator('#N').inputValue()).toBe('6');
    });
    await withApp(browser(), `${url}#method=orthoplex&N=6&n=3`, async (fresh) => {
      await waitForResult(fresh.page, 'orthoplex/6/3/0');
      expect(await text(fresh.page, 'metric-max-cosine')).toBe('0.0000');
    });
  });

  it('loads defaults from a malformed hash, clamps n, and says so in a notice', async () => {
    await withApp(browser(), `${url}#N=abc&n=-4&method=nope`, async ({ page }) => {
      await waitForResult(page, 'best/12/2/0');
      const notice = page.getByTestId('notice');
      expect(await notice.isVisible()).toBe(true);
      const items = await notice.locator('li').allTextContents();
      expect(items).toHaveLength(3);
      expect(items.join('\n')).toMatch(/method: "nope" is not one of .*; using the default, best/);
      expect(items.join('\n')).toMatch(/N: "abc" is not a number; using the default, 12/);
      expect(items.join('\n')).toMatch(/n: -4 is below the minimum; using 2/);
      expect(await page.locator('#method').inputValue()).toBe('best');
      expect(await page.locator('#N').inputValue()).toBe('12');
      expect(await page.locator('#n').inputValue()).toBe('2');
      expect(await page.evaluate(() => location.hash)).toBe(
        '#method=best&N=12&n=2&seed=0&view=s2&opt.steps=2000',
      );
      await screenshot(page, 'url-malformed-notice');
      await page.getByRole('button', { name: 'Dismiss' }).click();
      await expect.poll(() => notice.count()).toBe(0);
    });
  });

  it('a copied link reproduces bit-identical prototypes; the animation speed never changes them', async () => {
    const first = await openApp(browser(), `${url}#method=kasarla&N=4&n=3`);
    let hash = '';
    let made: ShownPrototypes | null = null;
    try {
      const { page } = first;
      await waitForResult(page, 'kasarla/4/3/0');
      // Set up an optimiser run through the controls, slowed down to watch it.
      const speed = page.locator('#speed');
      await speed.focus();
      await page.keyboard.press('Home'); // 1 step per second
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight'); // 2, 5, 10
      expect(await text(page, 'speed')).toBe('10 steps/s');
      await page.locator('#method').selectOption('mettes');
      await page.locator('#param-steps').fill('600');
      await page.locator('#seed').fill('7');
      await page.locator('#N').fill('30');
      await expect
        .poll(() => page.getByTestId('job-step').textContent(), { timeout: 20_000 })
        .toMatch(/^step \d+ \/ 600$/);
      await page.waitForTimeout(1000);
      const step = Number((await page.getByTestId('job-step').textContent())?.match(/\d+/)?.[0]);
      expect(step).toBeGreaterThan(0);
      expect(step).toBeLessThan(40); // about 10 a second, not hundreds
      await screenshot(page, 'url-slow-run');
      // Reset starts again from step 0 (same seed), still at the slow speed.
      const stepNow = async () =>
        Number((await page.getByTestId('job-step').textContent())?.match(/\d+/)?.[0]);
      const before = await stepNow();
      await page
        .getByTestId('run-controls')
        .getByRole('button', { name: 'Reset', exact: true })
        .click();
      await expect.poll(stepNow).toBeLessThan(before);
      // Full speed from here on; the run finishes with the same prototypes it would have had.
      await speed.focus();
      await page.keyboard.press('End'); // max
      await waitForResult(page, 'mettes/30/3/7');
      await expect
        .poll(() => page.evaluate(() => location.hash))
        .toBe('#method=mettes&N=30&n=3&seed=7&view=s2&opt.steps=600');
      hash = await page.evaluate(() => location.hash);
      made = await shown(page);
      expect(made?.steps).toBe(600);
      // Step with nothing running: the request starts again, paused after one step.
      await page
        .getByTestId('run-controls')
        .getByRole('button', { name: 'Step', exact: true })
        .click();
      await expect
        .poll(() => page.getByTestId('job').textContent())
        .toMatch(/Paused.*step 1 \/ 600/);
      await page
        .getByTestId('run-controls')
        .getByRole('button', { name: 'Cancel', exact: true })
        .click();
      await expect.poll(() => page.getByTestId('job').count()).toBe(0);
      expect((await shown(page))?.data).toEqual(made?.data);
      expect(first.errors).toEqual([]);
    } finally {
      await first.close();
    }

    await withApp(browser(), `${url}${hash}`, async ({ page }) => {
      await waitForResult(page, 'mettes/30/3/7');
      const again = await shown(page);
      expect(again?.params).toEqual({ steps: 600 });
      expect(again?.data).toEqual(made?.data);
      expect(await text(page, 'metric-max-cosine')).toBe(made?.maxCosine.toFixed(4));
      expect(await page.locator('#param-steps').inputValue()).toBe('600');
    });
  });
});
