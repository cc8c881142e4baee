import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { REPO_ROOT } from './server.ts';

export { type PreviewServer, REPO_ROOT, startPreview } from './server.ts';

/** Flags verified on the development and CI machines (see ../shared/docs/PLATFORM.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-webgpu',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--ignore-gpu-blocklist',
];

export const RESULTS_DIR = join(REPO_ROOT, 'test-results');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

export interface AppPage {
  readonly page: Page;
  /** console.error messages and uncaught page errors, in order. */
  readonly errors: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  readonly viewport?: { readonly width: number; readonly height: number };
  /**
   * The stored subset (data/ beside the app): served from this folder, or, with null, answered
   * with 404 as on a site that has none (the browser logs that 404; the app handles it, so it
   * is not counted as an error). Left out: whatever the build's public/data holds.
   */
  readonly storedSubset?: string | null;
  readonly acceptDownloads?: boolean;
  /** A touch screen (a phone): touch events, and the pointer media feature says coarse. */
  readonly touch?: boolean;
}

const STORED_SUBSET_FILE = /^(manifest\.json|subset-(train|test)\.bin)$/;

/** Opens the app in a fresh context and records every console error and page error. */
export async function openApp(
  browser: Browser,
  url: string,
  options: OpenOptions = {},
): Promise<AppPage> {
  const { viewport = { width: 1280, height: 800 }, storedSubset, acceptDownloads } = options;
  const touch = options.touch ?? false;
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: 1,
    acceptDownloads,
    hasTouch: touch,
    isMobile: touch,
  });
  if (storedSubset !== undefined) {
    // Routes set on the context also catch the loader worker's requests.
    await context.route(/\/data\/[^/]+$/, async (route) => {
      const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
      if (storedSubset === null || !STORED_SUBSET_FILE.test(name)) {
        await route.fulfill({ status: 404, body: 'not found' });
        return;
      }
      await route.fulfill({
        path: join(storedSubset, name),
        contentType: name.endsWith('.json') ? 'application/json' : 'application/octet-stream',
      });
    });
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    if (storedSubset === null && /404/.test(msg.text())) return;
    errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors, close: () => context.close() };
}

/**
 * Loads a CIFAR archive through the data panel's file input, as a person picks it, and waits
 * until it is loaded (the input is enabled once the page has looked for a stored subset).
 */
export async function loadArchive(page: Page, path: string, timeout = 60_000): Promise<void> {
  await page.locator('#data-train-files').setInputFiles(path);
  await page.locator('[data-testid="data-status"][data-loaded="true"]').waitFor({ timeout });
}

/** One Chromium for the tests of a file: launched before the first, closed after the last. */
export function browserForFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is launched in beforeAll; use it inside a test');
    return browser;
  };
}

/**
 * The frame of most browser tests: opens the app at `url`, runs `body`, then checks that the
 * page logged no console error and threw no page error; the context is closed whatever happens.
 */
export async function withApp(
  browser: Browser,
  url: string,
  body: (app: AppPage) => Promise<void>,
): Promise<void>;
export async function withApp(
  browser: Browser,
  url: string,
  options: OpenOptions,
  body: (app: AppPage) => Promise<void>,
): Promise<void>;
export async function withApp(
  browser: Browser,
  url: string,
  ...rest: [(app: AppPage) => Promise<void>] | [OpenOptions, (app: AppPage) => Promise<void>]
): Promise<void> {
  const [options, body] = rest.length === 1 ? [{}, rest[0]] : rest;
  const app = await openApp(browser, url, options);
  try {
    await body(app);
    expect(app.errors).toEqual([]);
  } finally {
    await app.close();
  }
}

/**
 * Waits until the canvas has drawn the codebook `key` ("method/N/n/seed"), then two more
 * animation frames so the compositor has the pixels.
 */
export async function waitForScene(page: Page, key: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (k) => {
      const el = document.querySelector<HTMLElement>('[data-testid="scene"]');
      return el?.dataset.rendered === k && Number(el.dataset.frames) > 0;
    },
    key,
    { timeout },
  );
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  );
}

/** Indices of the prototypes on the camera's side of the sphere (their labels are not dimmed). */
export function facingPrototypes(page: Page): Promise<number[]> {
  return page
    .locator('.proto-label')
    .evaluateAll((labels) =>
      labels
        .filter((el) => (el as HTMLElement).style.opacity === '1')
        .map((el) => Number(el.textContent)),
    );
}

/** Screenshot of a page or element, also saved as test-results/<name>.png. */
export async function screenshot(target: Page | Locator, name: string): Promise<Buffer> {
  const png = await target.screenshot({ type: 'png' });
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `${name}.png`), png);
  return png;
}

export interface PixelStats {
  readonly width: number;
  readonly height: number;
  /** The top-left pixel, taken as the background colour. */
  readonly background: readonly [number, number, number];
  /** Share of pixels that differ clearly from the background. */
  readonly foreground: number;
  /** Share of bright pixels (some channel at 200 or more): glare, bold lines, solid fills. */
  readonly bright: number;
  /** Distinct colours after quantising each channel to 5 bits. */
  readonly distinctColours: number;
  /** For each target colour, how many pixels have its hue and are clearly saturated and bright. */
  readonly targetPixels: readonly number[];
}

/**
 * Decodes a PNG in the page (no image library in Node) and measures it: is it blank, how varied
 * is it, and where do the given colours (CSS hex) appear.
 */
export function pixelStats(
  page: Page,
  png: Buffer,
  targets: readonly string[],
): Promise<PixelStats> {
  return page.evaluate(
    async ({ b64, targets }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = new OffscreenCanvas(img.naturalWidth, img.naturalHeight);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(img, 0, 0);
      const { data, width, height } = ctx.getImageData(0, 0, img.naturalWidth, img.naturalHeight);
      const hsv = (r: number, g: number, b: number) => {
        const max = Math.max(r, g, b);
        const min = Math.min(r, g, b);
        const d = max - min;
        let h = 0;
        if (d > 0) {
          if (max === r) h = ((g - b) / d) % 6;
          else if (max === g) h = (b - r) / d + 2;
          else h = (r - g) / d + 4;
        }
        return { h: (h * 60 + 360) % 360, s: max === 0 ? 0 : d / max, v: max / 255 };
      };
      const targetHsv = targets.map((hex) => {
        const n = Number.parseInt(hex.slice(1), 16);
        return hsv((n >> 16) & 255, (n >> 8) & 255, n & 255);
      });
      const bg: [number, number, number] = [data[0], data[1], data[2]];
      const colours = new Set<number>();
      const targetPixels = targets.map(() => 0);
      let foreground = 0;
      let bright = 0;
      for (let p = 0; p < data.length; p += 4) {
        const r = data[p];
        const g = data[p + 1];
        const b = data[p + 2];
        if (Math.abs(r - bg[0]) + Math.abs(g - bg[1]) + Math.abs(b - bg[2]) > 24) foreground++;
        if (Math.max(r, g, b) >= 200) bright++;
        colours.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3));
        const c = hsv(r, g, b);
        if (c.s < 0.45 || c.v < 0.3) continue;
        targetHsv.forEach((t, k) => {
          const dh = Math.min(Math.abs(c.h - t.h), 360 - Math.abs(c.h - t.h));
          if (dh < 10) targetPixels[k]++;
        });
      }
      return {
        width,
        height,
        background: bg,
        foreground: foreground / (width * height),
        bright: bright / (width * height),
        distinctColours: colours.size,
        targetPixels,
      };
    },
    { b64: png.toString('base64'), targets },
  );
}
