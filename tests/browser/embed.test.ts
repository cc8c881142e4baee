import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { Browser, ConsoleMessage, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openApp, REPO_ROOT, screenshot, waitForScene, withApp } from './harness.ts';

const url = inject('previewUrl');
const labOrigin = new URL(url).origin;
const DIST = process.env.HSL_DIST ?? join(REPO_ROOT, 'dist');
const SUB_PATH = '/some/sub/path/';
let browser: Browser;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

interface Site {
  readonly origin: string;
  readonly server: Server;
}

/**
 * A plain static server on its own port (so its own origin): `pages` at their paths, and the
 * production build under SUB_PATH, as a course site would host it.
 */
async function startSite(pages: Record<string, string>): Promise<Site> {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path in pages) {
      res.writeHead(200, { 'content-type': TYPES['.html'] });
      res.end(pages[path]);
      return;
    }
    if (path.startsWith(SUB_PATH)) {
      const rel = normalize(path.slice(SUB_PATH.length) || 'index.html');
      if (!rel.startsWith('..')) {
        try {
          const file = join(DIST, rel.endsWith('/') ? `${rel}index.html` : rel);
          const body = await readFile(file);
          res.writeHead(200, {
            'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          });
          res.end(body);
          return;
        } catch {
          // fall through to 404
        }
      }
    }
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { origin: `http://127.0.0.1:${port}`, server };
}

/** A host page with the lab in an iframe; it records the lab's messages in window.fromLab. */
function hostPage(src: string, width = 820): string {
  return `<!doctype html><html><head><link rel="icon" href="data:,"></head><body style="margin:0">
<iframe id="lab" src="${src}" style="border:0;width:${width}px;height:200px"></iframe>
<script>
  window.fromLab = [];
  addEventListener('message', (e) => {
    if (e.origin !== ${JSON.stringify(labOrigin)}) return;
    window.fromLab.push(e.data);
    if (e.data && e.data.type === 'hypersphere-lab:resize') {
      document.getElementById('lab').style.height = e.data.height + 'px';
    }
  });
  window.send = (message) => document.getElementById('lab').contentWindow.postMessage(message, '*');
</script></body></html>`;
}

const sites: Site[] = [];
/** Polls wait this long: the machines are shared, and WebGL runs on the CPU. */
const SLOW = { timeout: 60_000 };

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(sites.map((s) => new Promise((r) => s.server.close(r))));
});

async function site(pages: Record<string, string>): Promise<Site> {
  const s = await startSite(pages);
  sites.push(s);
  return s;
}

async function labFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('#lab');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the iframe has no frame');
  return frame;
}

const minAngle = (frame: Frame) => frame.getByTestId('metric-min-angle').textContent();

/** The lab's messages the host page received, of one kind. */
const received = (page: Page, key: 'type' | 'subject', value: string) =>
  page.evaluate(
    ([k, v]) =>
      (window as unknown as { fromLab: Record<string, unknown>[] }).fromLab.filter(
        (m) => m && m[k] === v,
      ),
    [key, value] as const,
  ) as Promise<{ height?: number; hash?: string; message?: string }[]>;

describe('embedding the lab', () => {
  it('an embed address shows only the chosen panels, hides the chosen controls and posts its height', async () => {
    // Flags may sit in the query or in the hash (with the state).
    const src = `${url}?embed&panels=metrics,controls,scene#method=kasarla&N=4&method_hide&n=3&N_hide`;
    const host = await site({ '/host.html': hostPage(src) });
    await withApp(browser, `${host.origin}/host.html`, async ({ page }) => {
      const frame = await labFrame(page);
      await waitForScene(frame as unknown as Page, 'kasarla/4/3/0', 90_000);
      expect(await minAngle(frame)).toBe('109.47');
      // Chosen panels, in the order given; nothing else of the page.
      const order = await frame.evaluate(() =>
        Array.from(document.querySelectorAll('[data-testid="embed"] > :not(style)')).map(
          (el) =>
            el.getAttribute('data-testid') ?? el.getAttribute('aria-labelledby') ?? el.className,
        ),
      );
      expect(order).toEqual(['metrics', 'controls-title', 'viewport embed-scene']);
      for (const gone of ['.topbar', '.analysis', '.data-panel', '[data-testid="run-controls"]']) {
        expect(await frame.locator(gone).count()).toBe(0);
      }
      expect(await frame.locator('#method').isVisible()).toBe(false);
      expect(await frame.locator('#N').isVisible()).toBe(false);
      expect(await frame.locator('#n').isVisible()).toBe(true);
      expect(await frame.locator('#seed').isVisible()).toBe(true);
      // The flags moved to the query, where the state's rewrites of the hash cannot drop them.
      expect(await frame.evaluate(() => location.search)).toBe(
        '?embed=&panels=metrics%2Ccontrols%2Cscene&method_hide=&N_hide=',
      );
      expect(await frame.evaluate(() => location.hash)).toBe(
        '#method=kasarla&N=4&n=3&seed=0&view=s2',
      );

      // Its height, in both forms, matching the content; the host sized the iframe to it.
      const contentHeight = () =>
        frame.evaluate(() =>
          Math.ceil(document.getElementById('root')?.getBoundingClientRect().height ?? 0),
        );
      const lastHeight = async () =>
        (await received(page, 'type', 'hypersphere-lab:resize')).at(-1)?.height;
      await expect
        .poll(async () => (await lastHeight()) === (await contentHeight()), SLOW)
        .toBe(true);
      const wide = await contentHeight();
      expect(wide).toBeGreaterThan(600); // metrics, controls and a 420 px scene
      expect((await received(page, 'subject', 'lti.frameResize')).at(-1)?.height).toBe(wide);
      expect(await page.locator('#lab').evaluate((f) => f.getBoundingClientRect().height)).toBe(
        wide,
      );
      await screenshot(page, 'embed-iframe');

      // A narrower frame wraps the text: the new height is posted.
      await page.locator('#lab').evaluate((f) => {
        (f as HTMLElement).style.width = '340px';
      });
      await expect.poll(async () => (await lastHeight()) ?? 0, SLOW).toBeGreaterThan(wide);
      await expect
        .poll(async () => (await lastHeight()) === (await contentHeight()), SLOW)
        .toBe(true);
      expect((await received(page, 'subject', 'lti.frameResize')).at(-1)?.height).toBe(
        await lastHeight(),
      );

      // The wheel zooms only once the user works in the embed, and the hint says so.
      const zoom = () => frame.getByTestId('scene').getAttribute('data-zoom');
      const hint = () => frame.locator('.stage-hint .hint-mouse').textContent();
      expect(await zoom()).toBe('off');
      expect(await hint()).toBe(
        'drag to rotate · click, then scroll to zoom · click a prototype for details',
      );
      await frame.locator('#seed').click();
      await expect.poll(zoom, SLOW).toBe('on');
      expect(await hint()).toBe('drag to rotate · scroll to zoom · click a prototype for details');
      await page.mouse.click(600, 100); // beside the (now narrow) iframe, on the host page
      await expect.poll(zoom, SLOW).toBe('off');
    });
  }, 300_000);

  it('obeys commands only from the allowed origins; others are ignored with a console note', async () => {
    const allowed = await site({});
    const src = `${url}?embed&panels=metrics,run&origins=${allowed.origin}#method=kasarla&N=4&n=3`;
    // The host page on another origin than the allowed one.
    const pages = { '/host.html': hostPage(src) };
    const other = await site(pages);
    await withApp(browser, `${other.origin}/host.html`, async ({ page }) => {
      const frame = await labFrame(page);
      await expect.poll(() => minAngle(frame), SLOW).toBe('109.47');
      const noted = page.waitForEvent('console', {
        predicate: (m: ConsoleMessage) => m.type() === 'info' && m.text().includes('ignored'),
      });
      await page.evaluate(() =>
        (window as unknown as { send(m: unknown): void }).send({
          type: 'hypersphere-lab:set',
          settings: { method: 'orthoplex', N: 6 },
        }),
      );
      const note = await noted;
      expect(note.text()).toContain(`ignored "hypersphere-lab:set" from ${other.origin}`);
      expect(await minAngle(frame)).toBe('109.47');
      expect(await frame.evaluate(() => location.hash)).toBe(
        '#method=kasarla&N=4&n=3&seed=0&view=s2',
      );
      expect(await received(page, 'type', 'hypersphere-lab:state')).toEqual([]);
    });
  }, 300_000);

  it('applies set, pause and run from an allowed origin, and refuses a bad value with a reply', async () => {
    // The page is added once the site's origin (its port) is known.
    const pages: Record<string, string> = {};
    const host = await site(pages);
    pages['/host.html'] = hostPage(
      `${url}?embed&panels=metrics,run&origins=${host.origin}#method=kasarla&N=4&n=3`,
    );
    await withApp(browser, `${host.origin}/host.html`, async ({ page }) => {
      const frame = await labFrame(page);
      await expect.poll(() => minAngle(frame), SLOW).toBe('109.47');
      const send = (m: unknown) =>
        page.evaluate((msg) => (window as unknown as { send(m: unknown): void }).send(msg), m);
      const replies = () => received(page, 'type', 'hypersphere-lab:state');

      await send({ type: 'hypersphere-lab:set', settings: { method: 'orthoplex', N: 6 } });
      await expect
        .poll(async () => (await replies()).at(-1)?.hash, SLOW)
        .toBe('method=orthoplex&N=6&n=3&seed=0&view=s2');
      await expect
        .poll(() => frame.getByTestId('metric-max-cosine').textContent(), SLOW)
        .toBe('0.0000');

      await send({ type: 'hypersphere-lab:set', settings: { N: 'abc' } });
      await expect
        .poll(
          async () => (await received(page, 'type', 'hypersphere-lab:error')).at(-1)?.message,
          SLOW,
        )
        .toMatch(/N: "abc" is not a number/);
      // The refused value changed nothing: the link still says orthoplex (the hash is written
      // shortly after a change, so it is polled rather than read once).
      await expect
        .poll(() => frame.evaluate(() => location.hash), SLOW)
        .toBe('#method=orthoplex&N=6&n=3&seed=0&view=s2');
      expect(await frame.getByTestId('metric-max-cosine').textContent()).toBe('0.0000');

      // A slow optimiser run: pause it, then run it on.
      await send({
        type: 'hypersphere-lab:set',
        settings: { method: 'mettes', N: 20, speed: 20, 'opt.steps': 5000 },
      });
      await expect
        .poll(() => frame.getByTestId('job-step').textContent(), SLOW)
        .toMatch(/^step \d+ \/ 5000$/);
      const count = (await replies()).length;
      await send({ type: 'hypersphere-lab:pause' });
      await expect.poll(async () => (await replies()).length, SLOW).toBe(count + 1);
      await expect
        .poll(() => frame.locator('[data-testid="job"] .job-head span').first().textContent(), SLOW)
        .toBe('Paused');
      await send({ type: 'hypersphere-lab:run' });
      await expect
        .poll(() => frame.locator('[data-testid="job"] .job-head span').first().textContent(), SLOW)
        .toBe('Optimising');
    });
  }, 300_000);

  it('two <hypersphere-lab> elements on one page keep separate state', async () => {
    await withApp(browser, `${url}embed-demo.html`, async ({ page }) => {
      const simplex = page.locator('#simplex');
      const cross = page.locator('#cross');
      const angle = (el: typeof simplex) => el.getByTestId('metric-min-angle').textContent();
      await expect.poll(() => angle(simplex), SLOW).toBe('109.47');
      await expect.poll(() => angle(cross), SLOW).toBe('90.00');
      await expect
        .poll(() => simplex.getByTestId('scene').getAttribute('data-rendered'), SLOW)
        .toBe('kasarla/4/3/0');
      await expect
        .poll(() => cross.getByTestId('scene').getAttribute('data-rendered'), SLOW)
        .toBe('orthoplex/6/3/0');
      // The seed control is hidden (hide="seed"); the others show.
      expect(await cross.locator('#seed').isVisible()).toBe(false);
      expect(await cross.locator('#N').isVisible()).toBe(true);

      // The controls of one change only that one: two points of the simplex are antipodal.
      await cross.locator('#N').fill('2');
      await cross.locator('#method').selectOption('kasarla');
      await expect.poll(() => angle(cross), SLOW).toBe('180.00');
      expect(await angle(simplex)).toBe('109.47');
      // An attribute of the other changes only that one.
      await simplex.evaluate((el) => el.setAttribute('classes', '3'));
      await expect.poll(() => angle(simplex), SLOW).toBe('120.00');
      expect(await angle(cross)).toBe('180.00');
      await expect
        .poll(() => cross.getByTestId('scene').getAttribute('data-rendered'), SLOW)
        .toBe('kasarla/2/3/0');
      // A bad attribute value falls back and says so inside that element.
      await simplex.evaluate((el) => el.setAttribute('dim', 'abc'));
      await expect
        .poll(() => simplex.getByTestId('notice').textContent(), SLOW)
        .toMatch(/n: "abc" is not a number/);
      expect(await cross.getByTestId('notice').count()).toBe(0);
      // The data subset by its link keys (HTML lower-cases them); a later attribute keeps it.
      const hash = (el: typeof simplex) =>
        el.evaluate((e) => (e as HTMLElement & { hash: string }).hash);
      await simplex.evaluate((el) => el.setAttribute('data.classes', 'cat, dog'));
      await expect.poll(() => hash(simplex), SLOW).toMatch(/&data\.classes=cat,dog$/);
      await simplex.evaluate((el) => el.setAttribute('seed', '2'));
      await expect.poll(() => hash(simplex), SLOW).toMatch(/&seed=2&.*&data\.classes=cat,dog$/);
      expect(await hash(cross)).not.toMatch(/data\./);
      // The element's style sheet stays inside it: the host page keeps its own look.
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
        'rgb(244, 245, 247)',
      );
      await screenshot(page, 'embed-two-elements');
    });
  }, 300_000);

  it('runs from a sub-path (workers included) and offline after the first visit', async () => {
    const host = await site({});
    const app = await openApp(browser, `${host.origin}${SUB_PATH}#method=kasarla&N=4&n=3`);
    const failed: string[] = [];
    app.page.on('response', (r) => {
      // data/ is optional (CIFAR files are served only where someone put them there).
      if (r.status() >= 400 && !r.url().includes('/data/')) failed.push(`${r.status()} ${r.url()}`);
    });
    try {
      const { page } = app;
      await waitForScene(page, 'kasarla/4/3/0', 90_000); // the optimiser worker loaded
      expect(await page.getByTestId('metric-min-angle').textContent()).toBe('109.47');
      // The analysis worker too: the histogram's single bar of 6 pairs.
      await expect
        .poll(() => page.locator('[data-testid="histogram"] rect.bar').count(), SLOW)
        .toBe(1);
      // The service worker took the app shell and built files into its cache.
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
      expect(scope).toBe(`${host.origin}${SUB_PATH}`);
      const cached = await page.evaluate(async () => {
        const cache = await caches.open('hypersphere-lab-v1');
        return (await cache.keys()).map((r) => new URL(r.url).pathname);
      });
      expect(cached).toContain(`${SUB_PATH}index.html`);
      expect(cached.some((p) => /\/assets\/optimiser\.worker-[\w-]+\.js$/.test(p))).toBe(true);
      expect(failed).toEqual([]);

      // Offline: a reload still shows the lab, another case made by the cached worker.
      await page.context().setOffline(true);
      await page.goto(`${host.origin}${SUB_PATH}#method=orthoplex&N=6&n=3`);
      await page.reload();
      await waitForScene(page, 'orthoplex/6/3/0', 90_000);
      expect(await page.getByTestId('metric-max-cosine').textContent()).toBe('0.0000');
      await screenshot(page, 'embed-offline-subpath');
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  }, 300_000);
});
