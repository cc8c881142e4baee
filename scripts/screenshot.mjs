#!/usr/bin/env node
// Takes docs/screenshot.png from the real app: builds nothing itself (run `npx vite build` first),
// serves dist/ with `vite preview`, opens it in Debian's Chromium exactly as the browser tests do
// (tests/browser/harness.ts) at `#method=...&N=...&n=3`, waits for the sphere to be drawn and saves
// the page.
//   node scripts/screenshot.mjs [out.png] [--method kasarla] [--N 4]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    method: { type: 'string', default: 'kasarla' },
    N: { type: 'string', default: '4' },
  },
});
const out = resolve(positionals[0] ?? 'docs/screenshot.png');

const harness = await tsImport('../tests/browser/harness.ts', import.meta.url);
const server = await harness.startPreview();
const browser = await harness.launchBrowser();
let code = 0;
try {
  // The page keeps its state in the URL hash, so the picture is one link away.
  const hash = `#method=${values.method}&N=${values.N}&n=3`;
  const app = await harness.openApp(browser, `${server.url}${hash}`, {
    viewport: { width: 1280, height: 760 },
  });
  const { page } = app;
  await harness.waitForScene(page, `${values.method}/${values.N}/3/0`);
  const png = await page.screenshot({ type: 'png' });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, png);
  console.log(`wrote ${out} (${png.length} bytes)`);
  if (app.errors.length > 0) {
    console.error(`the page reported errors:\n${app.errors.join('\n')}`);
    code = 1;
  }
  await app.close();
} finally {
  await browser.close();
  await server.stop();
}
process.exit(code);
