import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { CIFAR10, titled } from '../../src/data/testing/archives.ts';
import { browserForFile, loadArchive, screenshot, withApp } from './harness.ts';

/**
 * The story loop's one-click question (issue 17), beside the training chart: "Does separation
 * matter?" on a tiny subset trains one method of each kind twice, every run becomes a mark on
 * the chart of kept runs, and the closing sentence's numbers are those of the stored runs.
 */
const url = inject('previewUrl');
const browser = browserForFile();
/** Internal keys (`rm|identity|0`) and command-line flags (`--labelling`) are not for people. */
const INTERNAL = [/--[a-z]/, /\w\|\w+\|\d/];

async function loadTinySubset(page: Page): Promise<void> {
  await loadArchive(page, CIFAR10.path);
  await page.locator('#data-classes').fill('airplane,cat,ship');
  await page.locator('#data-train-per-class').fill('20');
  await page.locator('#data-test-per-class').fill('10');
  await expect
    .poll(() => page.getByTestId('train-ready').textContent())
    .toMatch(/60 training and 30 test images, 3 classes/);
}

/** The cells of one CSV line (quoted cells may hold commas and doubled quotes). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') cell += line[++i];
    else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      out.push(cell);
      cell = '';
    } else cell += c;
  }
  return [...out, cell];
}

describe.skipIf(!CIFAR10.present)(titled(CIFAR10, 'the one-click questions'), () => {
  it('“Does separation matter?” fills the chart of kept runs and ends with a sentence whose numbers are the runs’', async () => {
    await withApp(
      browser(),
      `${url}#method=kasarla&N=3&n=4`,
      { storedSubset: null, acceptDownloads: true },
      async ({ page }) => {
        // No data yet: one sentence says what to do, and nothing starts.
        await expect
          .poll(() => page.getByTestId('data-howto').isVisible(), { timeout: 30_000 })
          .toBe(true);
        await page.getByTestId('ask-separation').click();
        expect(await page.getByTestId('question-problem').textContent()).toBe(
          'Load CIFAR-10 or CIFAR-100 in the Data panel first: pick or drop the archive there.',
        );
        expect(await page.getByTestId('question-progress').count()).toBe(0);

        await loadTinySubset(page);
        // Before it starts: about how long it will take.
        expect(await page.getByTestId('question-hint').textContent()).toMatch(
          /2 seeds each \((a few seconds|about \d+ (s|min))\)/,
        );
        await page.getByTestId('ask-separation').click();
        expect(await page.getByTestId('question-problem').count()).toBe(0);
        // While it runs: which run, in words, and about how long the rest takes.
        const progress = page.getByTestId('question-progress');
        await expect
          .poll(() => progress.textContent(), { timeout: 60_000 })
          .toMatch(
            /runs; .+, Dataset order, seed \d: \d+ %; (about \d+ (s|min)|a few seconds) left/,
          );
        const verdict = page.getByTestId('story-actions').getByTestId('exp-verdict');
        await expect
          .poll(() => verdict.getAttribute('data-done'), { timeout: 200_000 })
          .toBe('true');
        const sentence = (await verdict.textContent()) ?? '';
        expect(sentence).toMatch(/^Across \d+ methods \(2 seeds each\), max cosine spans /);

        // One mark per run on the chart of kept runs; the run count is the plan's.
        const history = page.getByTestId('run-history');
        const methods = Number(sentence.match(/^Across (\d+) methods/)?.[1]);
        await expect.poll(() => history.getByTestId('run-dot').count()).toBe(2 * methods);
        expect(await history.getByTestId('run-row').count()).toBe(2 * methods);

        // The sentence's numbers from the stored runs (the CSV of the history, full precision):
        // mean accuracy per method, best minus worst; max cosine, largest minus smallest.
        const [file] = await Promise.all([
          page.waitForEvent('download'),
          history.getByTestId('run-export').click(),
        ]);
        const [head, ...rows] = readFileSync((await file.path()) as string, 'utf8')
          .trim()
          .split('\n');
        const columns = cells(head);
        const at = (row: string, name: string) => cells(row)[columns.indexOf(name)];
        expect(rows.every((r) => at(r, 'question') === 'Does separation matter?')).toBe(true);
        const byMethod = new Map<string, { acc: number[]; cos: number[] }>();
        for (const row of rows) {
          const m = byMethod.get(at(row, 'method')) ?? { acc: [], cos: [] };
          m.acc.push(Number(at(row, 'testAccuracy')));
          m.cos.push(Number(at(row, 'maxCosine')));
          byMethod.set(at(row, 'method'), m);
        }
        expect(byMethod.size).toBe(methods);
        const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
        const accs = [...byMethod.values()].map((m) => mean(m.acc));
        const coss = [...byMethod.values()].map((m) => mean(m.cos));
        const spread = (100 * (Math.max(...accs) - Math.min(...accs))).toFixed(1);
        const cosSpread = (Math.max(...coss) - Math.min(...coss)).toFixed(2);
        expect(sentence).toContain(
          `max cosine spans ${cosSpread} while mean accuracy spans ${spread} points`,
        );

        // Words for people; the chart's accuracy axis from 0, chance marked.
        const words = await page.getByTestId('train-panel').textContent();
        for (const pattern of INTERNAL) expect(words).not.toMatch(pattern);
        expect(await history.getByTestId('run-chart').getAttribute('data-y-min')).toBe('0');
        expect(await history.getByTestId('run-chance').count()).toBe(1);
        await screenshot(page.getByTestId('train-panel'), 'questions-separation');

        // On a phone: the buttons, the sentence and the chart fit the width.
        await page.setViewportSize({ width: 390, height: 844 });
        await page.getByTestId('story-actions').scrollIntoViewIfNeeded();
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
        const box = await page.getByTestId('story-actions').boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
        await screenshot(page.getByTestId('story-actions'), 'questions-separation-phone');
      },
    );
  }, 300_000);
});
