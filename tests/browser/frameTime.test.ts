import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, RESULTS_DIR, screenshot, withApp } from './harness.ts';

/**
 * A measurement, not a benchmark gate: frame times of the S^2 view with N = 1000 while the
 * optimiser runs in its worker, and while it is paused (same prototypes on screen). Every
 * animation frame asks the demand-driven canvas for a render, so each interval includes one full
 * render. Numbers go to the log and test-results/frame-time.json; nothing is asserted about them
 * (SwiftShader on 2 shared cores is no laptop GPU). It takes about a minute, so it runs only when
 * asked: `FRAME_TIME=1 npx vitest run --config tests/vitest.browser.config.ts tests/browser/frameTime.test.ts`.
 */

const url = inject('previewUrl');
const browser = browserForFile();

interface FrameStats {
  /** Main-thread time in long tasks (> 50 ms) during the window. */
  readonly longTaskMs: number;
  readonly frames: number;
  readonly rendered: number;
  readonly meanMs: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly fps: number;
}

/** Forces a render every animation frame for `ms` and measures the intervals between frames. */
function measure(page: Page, ms: number): Promise<FrameStats> {
  return page.evaluate(async (duration) => {
    const stage = document.querySelector<HTMLElement>('[data-testid="scene"]');
    const framesBefore = Number(stage?.dataset.frames ?? 0);
    const deltas: number[] = [];
    let longTaskMs = 0;
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTaskMs += e.duration;
    });
    observer.observe({ type: 'longtask' });
    await new Promise<void>((resolve) => {
      const start = performance.now();
      let last = start;
      const tick = (now: number) => {
        deltas.push(now - last);
        last = now;
        window.__hypersphereScene?.invalidate();
        if (now - start < duration) requestAnimationFrame(tick);
        else resolve();
      };
      window.__hypersphereScene?.invalidate();
      requestAnimationFrame((now) => {
        last = now;
        requestAnimationFrame(tick);
      });
    });
    observer.disconnect();
    const sorted = [...deltas].sort((a, b) => a - b);
    const mean = deltas.reduce((a, b) => a + b, 0) / deltas.length;
    return {
      longTaskMs: Math.round(longTaskMs),
      frames: deltas.length,
      rendered: Number(stage?.dataset.frames ?? 0) - framesBefore,
      meanMs: Math.round(mean * 10) / 10,
      medianMs: Math.round(sorted[Math.floor(sorted.length / 2)] * 10) / 10,
      p95Ms: Math.round(sorted[Math.floor(sorted.length * 0.95)] * 10) / 10,
      fps: Math.round(10000 / mean) / 10,
    };
  }, ms);
}

describe('frame time with N = 1000 on S^2', () => {
  it.skipIf(!process.env.FRAME_TIME)(
    'is measured with and without the optimiser running',
    async () => {
      await withApp(
        browser(),
        `${url}#method=lse&N=1000&n=3&seed=0&view=s2&opt.steps=100000&speed=0`,
        async ({ page }) => {
          // Live prototypes are on screen once the job reports steps.
          await expect
            .poll(() => page.getByTestId('job-step').textContent(), { timeout: 60_000 })
            .toMatch(/step [1-9]/);
          await page.waitForTimeout(1500);
          const stepAt = async () =>
            Number(
              /step (\d+)/.exec((await page.getByTestId('job-step').textContent()) ?? '')?.[1],
            );
          // Alternate windows (running, paused, running, paused): the machine's load drifts, so
          // neighbouring windows compare fairly.
          const windows: { running: boolean; stats: FrameStats; optimiserSteps: number }[] = [];
          for (const running of [true, false, true, false]) {
            const button = page
              .getByTestId('run-controls')
              .getByRole('button', { name: running ? 'Resume' : 'Pause', exact: true });
            if ((await button.count()) > 0) {
              await button.click();
              await expect
                .poll(() =>
                  page
                    .getByTestId('run-controls')
                    .getByRole('button', { name: running ? 'Pause' : 'Resume', exact: true })
                    .count(),
                )
                .toBe(1);
              await page.waitForTimeout(800);
            }
            const s0 = await stepAt();
            const stats = await measure(page, 4000);
            windows.push({ running, stats, optimiserSteps: (await stepAt()) - s0 });
            if (running && windows.length === 1) {
              await screenshot(
                page.locator('[data-testid="scene"] canvas'),
                'frame-time-live-1000',
              );
            }
          }
          const result = {
            when: new Date().toISOString(),
            windows,
            contactEdges: await page
              .getByTestId('scene')
              .evaluate((el) => (el as HTMLElement).dataset.contactEdges),
            cells: await page
              .getByTestId('scene')
              .evaluate((el) => (el as HTMLElement).dataset.cells),
          };
          console.log(`[frame time] ${JSON.stringify(result, null, 2)}`);
          mkdirSync(RESULTS_DIR, { recursive: true });
          writeFileSync(join(RESULTS_DIR, 'frame-time.json'), JSON.stringify(result, null, 2));
          for (const w of windows) expect(w.stats.rendered).toBeGreaterThan(0);
        },
      );
    },
  );
});
