import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, REPO_ROOT, screenshot, waitForScene, withApp } from './harness.ts';

const url = inject('previewUrl');
const tetrahedron = `${url}#method=kasarla&N=4&n=3`;
const AXE = join(REPO_ROOT, 'node_modules/axe-core/axe.min.js');
const browser = browserForFile();

interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly string[];
}

/** Runs axe-core on the page; the serious and critical violations, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const found = await axeViolations(page);
  return found.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.join(' | ')}`);
}

async function axeViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    type AxeResult = {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: string[] }[];
      }[];
    };
    const axe = (window as unknown as { axe: { run(): Promise<AxeResult> } }).axe;
    // Every rule runs, none excluded; the WebGL canvas is marked role="img" with a label, so
    // no rule needs to skip it.
    const result = await axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => n.target.join(' ')),
      }));
  });
}

/** Presses Tab until the focus comes back round; the elements it visited, in order. */
async function tabCycle(page: Page, max = 250) {
  const seen: { key: string; outline: string; shadow: string }[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await page.evaluate((i) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      // Focusable elements the test did not number (e.g. the tour's title) get a key here.
      el.dataset.a11yKey ??= `extra-${i}`;
      const style = getComputedStyle(el);
      return {
        key: el.dataset.a11yKey,
        outline: `${style.outlineStyle} ${style.outlineWidth}`,
        shadow: style.boxShadow,
      };
    }, i);
    if (!now) continue;
    if (seen.some((s) => s.key === now.key)) break;
    seen.push(now);
  }
  return seen;
}

/** Two animation frames: a frame the demand-driven canvas was asked for has been drawn. */
const settle = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  );

describe('accessibility', () => {
  it('has no serious or critical axe violations, with the tour, presentation mode and help open too', async () => {
    await withApp(browser(), tetrahedron, async ({ page }) => {
      await waitForScene(page, 'kasarla/4/3/0', 60_000);
      expect(await seriousViolations(page)).toEqual([]);

      await page.keyboard.press('t');
      await waitForScene(page, 'orthoplex/6/3/0', 60_000);
      await page.keyboard.press('p');
      await page.keyboard.press('c');
      await expect
        .poll(() => page.getByTestId('palette').inputValue(), { timeout: 20_000 })
        .toBe('okabe-ito');
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('c');
      await expect
        .poll(() => page.getByTestId('palette').inputValue(), { timeout: 20_000 })
        .toBe('high-contrast');
      expect(await seriousViolations(page)).toEqual([]);

      await page.keyboard.press('?');
      await expect.poll(() => page.getByTestId('help').isVisible(), { timeout: 20_000 }).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
    });
  });

  it('reaches every control by Tab, each with a visible focus outline', async () => {
    await withApp(browser(), tetrahedron, async ({ page }) => {
      await waitForScene(page, 'kasarla/4/3/0', 60_000);
      // Number every visible, enabled control, to know which ones Tab reached.
      const controls = await page.evaluate(() => {
        const all = document.querySelectorAll<HTMLElement>(
          'button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])',
        );
        const out: string[] = [];
        all.forEach((el, i) => {
          const hidden = el.closest('dialog:not([open])') || el.getClientRects().length === 0;
          if (hidden || (el as HTMLButtonElement).disabled) return;
          el.dataset.a11yKey = `${i}`;
          out.push(`${i} ${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent ?? ''}`);
        });
        return out;
      });
      expect(controls.length).toBeGreaterThan(20);
      const visited = await tabCycle(page);
      const reached = new Set(visited.map((v) => v.key));
      const missed = controls.filter((c) => !reached.has(c.split(' ')[0]));
      expect(missed).toEqual([]);
      for (const v of visited) {
        // A 3px outline (the :focus-visible rule), or the fields' own ring.
        const ring =
          v.outline.startsWith('solid') && Number.parseFloat(v.outline.split(' ')[1]) >= 2;
        expect(ring || v.shadow !== 'none', `focus of control ${v.key}`).toBe(true);
      }
      await page.locator('[data-testid="tour-start"]').focus();
      await screenshot(page, 'a11y-focus-ring');
    });
  });

  it('labels the canvas and says in words what it shows', async () => {
    await withApp(browser(), tetrahedron, async ({ page }) => {
      await waitForScene(page, 'kasarla/4/3/0', 60_000);
      const figure = page.getByRole('img', { name: '3D view of the prototypes' });
      expect(await figure.count()).toBe(1);
      expect(await figure.locator('canvas').count()).toBe(1);
      const describedBy = await figure.getAttribute('aria-describedby');
      expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(
        '4 prototypes (Simplex (Kasarla)) in dimension n = 3, on the sphere S²: max cosine -0.3333, min angle 109.47 degrees.',
      );
      await page.locator('#N').fill('3');
      await waitForScene(page, 'kasarla/3/3/0', 60_000);
      expect(await page.getByTestId('scene-summary').textContent()).toBe(
        '3 prototypes (Simplex (Kasarla)) in dimension n = 3, on the sphere S²: max cosine -0.5000, min angle 120.00 degrees.',
      );
    });
  });

  it('respects prefers-reduced-motion: no transitions, and a running optimisation does not animate', async () => {
    // A slow run (20 steps a second) of 2000 steps: long enough to watch, or not.
    await withApp(
      browser(),
      `${url}#method=mettes&N=30&n=3&seed=3&speed=20&opt.steps=2000`,
      async ({ page }) => {
        const frames = () => page.getByTestId('scene').getAttribute('data-frames').then(Number);
        const step = async () =>
          Number((await page.getByTestId('job-step').textContent())?.match(/\d+/)?.[0] ?? 0);
        await page.emulateMedia({ reducedMotion: 'reduce' });
        expect(
          await page.locator('#method').evaluate((el) => getComputedStyle(el).transitionDuration),
        ).toBe('0s');
        await expect.poll(step, { timeout: 30_000 }).toBeGreaterThanOrEqual(10);
        await settle(page);
        const still = await frames();
        await expect.poll(step, { timeout: 30_000 }).toBeGreaterThanOrEqual(40);
        expect(await frames()).toBe(still);

        // Motion allowed again: the same run moves on screen.
        await page.emulateMedia({ reducedMotion: 'no-preference' });
        await expect.poll(frames, { timeout: 30_000 }).toBeGreaterThan(still);
        expect(await page.getByTestId('job').count()).toBe(1); // drawn while it runs
        expect(
          await page.locator('#method').evaluate((el) => getComputedStyle(el).transitionDuration),
        ).not.toBe('0s');
      },
    );
  });
});
