import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, pixelStats, screenshot, waitForScene, withApp } from './harness.ts';

const url = inject('previewUrl');
const browser = browserForFile();

const canvas = (page: Page) => page.locator('[data-testid="scene"] canvas');

/** Waits until the stage reports a data- attribute value (set by the scene after a frame). */
async function stageData(page: Page, key: string): Promise<string | undefined> {
  return page.getByTestId('scene').evaluate((el, k) => (el as HTMLElement).dataset[k], key);
}

/** Screenshot of the canvas, checked to be a real picture: not blank, many colours. */
async function canvasShot(page: Page, name: string) {
  const png = await screenshot(canvas(page), name);
  const stats = await pixelStats(page, png, []);
  expect(stats.foreground, `${name}: share of non-background pixels`).toBeGreaterThan(0.08);
  expect(stats.distinctColours, `${name}: distinct colours`).toBeGreaterThan(150);
  return { png, stats };
}

describe('3D views', () => {
  it('S² view of the octahedron: 6 Voronoi cells, 12 contact arcs, details on click', async () => {
    await withApp(browser(), `${url}#method=orthoplex&N=6&n=3&view=s2`, async ({ page }) => {
      await waitForScene(page, 'orthoplex/6/3/0');
      expect(await stageData(page, 'view')).toBe('s2');
      // Every pair of the octahedron is at 90 or 180 degrees: the 12 edges at 90 are the contacts.
      await expect.poll(() => stageData(page, 'contactEdges')).toBe('12');
      await expect.poll(() => stageData(page, 'cells')).toBe('6');
      await canvasShot(page, 'views-s2-octahedron');

      // Click the marker of a prototype on the camera's side: its label sits just outside it,
      // away from the centre of the canvas (where the origin projects).
      const box = await canvas(page).boundingBox();
      if (!box) throw new Error('no canvas');
      const target = await page.locator('.proto-label').evaluateAll((labels) => {
        const front = labels.find((el) => (el as HTMLElement).style.opacity === '1') as HTMLElement;
        const m = /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(front.style.transform);
        return { index: Number(front.dataset.index), x: Number(m?.[1]), y: Number(m?.[2]) };
      });
      const cx = box.width / 2;
      const cy = box.height / 2;
      const d = Math.hypot(target.x - cx, target.y - cy);
      // Label offset = marker radius on screen + 14 px gap; step back onto the marker's centre.
      const back = 36;
      await page.mouse.click(
        box.x + target.x - ((target.x - cx) / d) * back,
        box.y + target.y - ((target.y - cy) / d) * back,
      );
      const details = page.getByTestId('proto-details');
      await expect.poll(() => details.count()).toBe(1);
      expect(await details.locator('h3').textContent()).toBe(`prototype ${target.index}`);
      expect(await page.getByTestId('proto-nearest-angle').textContent()).toBe('90.00');
      await screenshot(page, 'views-s2-details');
    });
  });

  it('switching views keeps the state; S² and S³ fall back to a projection with a note', async () => {
    await withApp(browser(), `${url}#method=lse&N=12&n=3&seed=3&view=s2`, async ({ page }) => {
      await waitForScene(page, 'lse/12/3/3');
      const maxCos = page.getByTestId('metric-max-cosine');
      const before = await maxCos.textContent();
      expect(before).toMatch(/^-?\d\.\d{4}$/);
      const state = async () => ({
        method: await page.locator('#method').inputValue(),
        N: await page.locator('#N').inputValue(),
        n: await page.locator('#n').inputValue(),
        seed: await page.locator('#seed').inputValue(),
        maxCos: await maxCos.textContent(),
        rendered: await stageData(page, 'rendered'),
      });
      const start = await state();

      await page.getByTestId('view-proj').click();
      await expect.poll(() => stageData(page, 'view')).toBe('proj');
      await canvasShot(page, 'views-proj-n3');
      expect(await state()).toEqual(start);

      // n = 3 has no S^3 view: a projection is shown, with a note saying why.
      await page.getByTestId('view-s3').click();
      await expect.poll(() => page.getByTestId('view-note').count()).toBe(1);
      expect(await page.getByTestId('view-note').textContent()).toMatch(/needs n = 4/);
      expect(await stageData(page, 'view')).toBe('proj');
      expect(await state()).toEqual(start);

      await page.getByTestId('view-s2').click();
      await expect.poll(() => stageData(page, 'view')).toBe('s2');
      expect(await page.getByTestId('view-note').count()).toBe(0);
      expect(await state()).toEqual(start);
    });
  });

  it('S³ view of the 16-cell: stereographic and orthographic, 4D rotation buttons', async () => {
    await withApp(browser(), `${url}#method=orthoplex&N=8&n=4&view=s3`, async ({ page }) => {
      await waitForScene(page, 'orthoplex/8/4/0');
      expect(await stageData(page, 'view')).toBe('s3');
      // ±e_k: each vertex is at 90 degrees from the 6 others that are not its antipode.
      await expect.poll(() => stageData(page, 'contactEdges')).toBe('24');
      const first = await canvasShot(page, 'views-s3-stereo');

      // A quarter of the 4D rotation pad's step size, several times: the picture changes.
      const frames = Number(await stageData(page, 'frames'));
      for (let k = 0; k < 2; k++)
        await page.getByRole('button', { name: 'rotate in xw forwards' }).click();
      await expect
        .poll(async () => Number(await stageData(page, 'frames')))
        .toBeGreaterThan(frames);
      await page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
      );
      const turned = await canvasShot(page, 'views-s3-rotated');
      expect(turned.png.equals(first.png)).toBe(false);

      // Shift + drag turns the view in the xw / yw planes (the orbit camera stays put).
      const box = await canvas(page).boundingBox();
      if (!box) throw new Error('no canvas');
      await page.keyboard.down('Shift');
      await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.5);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.4, { steps: 5 });
      await page.mouse.up();
      await page.keyboard.up('Shift');
      await page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
      );
      const dragged = await canvasShot(page, 'views-s3-dragged');
      expect(dragged.png.equals(turned.png)).toBe(false);

      await page.locator('.view-switcher select').selectOption('ortho');
      await page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
      );
      await canvasShot(page, 'views-s3-ortho');

      await page.getByTestId('view-proj').click();
      await expect.poll(() => stageData(page, 'view')).toBe('proj');
      await expect.poll(() => stageData(page, 'contactEdges')).toBe('24');
      await canvasShot(page, 'views-proj-n4');
    });
  });

  it('draws the 1984 contacts of RM(1, 5) in R^32 as a web, not a solid mass', async () => {
    await withApp(browser(), `${url}#method=rm&N=64&n=32&view=proj`, async ({ page }) => {
      await waitForScene(page, 'rm/64/32/0');
      // The biorthogonal code: each of the 64 words is orthogonal to all but itself and its
      // negative, so 64 * 62 / 2 pairs sit at the minimum angle of 90 degrees.
      await expect.poll(() => stageData(page, 'contactEdges')).toBe('1984');
      await page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
      );
      const { stats } = await canvasShot(page, 'views-proj-rm-contacts');
      // Drawn bold, the edges were a solid pale-yellow mass over the projected points (3.8 % of
      // the canvas bright); thinned and faded they are a web the points show through (1.1 %,
      // mostly the labels' digits).
      expect(stats.bright).toBeLessThan(0.02);
    });
  });

  it('says so clearly where WebGL2 is missing', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    try {
      await context.addInitScript(() => {
        const original = HTMLCanvasElement.prototype.getContext;
        // biome-ignore lint/suspicious/noExplicitAny: patching a DOM method for the test
        (HTMLCanvasElement.prototype as any).getContext = function (
          kind: string,
          ...rest: unknown[]
        ) {
          if (kind === 'webgl2' || kind === 'webgl' || kind === 'experimental-webgl') return null;
          // Called through a plain signature: getContext's overloads (2d, webgl, webgpu) cannot be.
          const call = original as (this: HTMLCanvasElement, k: string, ...r: unknown[]) => unknown;
          return call.call(this, kind, ...rest);
        };
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await page.goto(`${url}#method=kasarla&N=4&n=3`);
      const message = page.getByTestId('webgl-missing');
      await expect.poll(() => message.count()).toBe(1);
      expect(await message.textContent()).toMatch(/no WebGL2/);
      expect(await page.locator('canvas').count()).toBe(0);
      // The rest of the page still works: the readout shows the tetrahedron.
      await expect.poll(() => page.getByTestId('metric-min-angle').textContent()).toBe('109.47');
      await screenshot(page, 'views-webgl-missing');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
