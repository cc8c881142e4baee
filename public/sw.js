/*
 * Hypersphere Lab's service worker: the app keeps working offline after the first visit.
 * Hand-written on purpose (no build plugin): it must stay small enough to read.
 *
 * - On install it caches the app shell (index.html) and every built file under assets/ that
 *   the shell reaches: scripts, style sheets and the Web Workers, found by following the
 *   file names the shell and the scripts mention (the names carry content hashes).
 * - Pages (navigations, *.html): network first, so a new build is picked up at once; the
 *   cached copy when offline (`?embed` and any hash still work: the query is ignored).
 * - assets/: cache first (a hashed name never changes content); new ones are added as fetched.
 * - Everything else (data files, other origins) goes to the network untouched.
 *
 * The worker never claims the page that registered it: it serves the pages opened after it is
 * installed (that is all "offline after the first visit" needs), and a page is never switched to
 * it half-way through, with requests already under way.
 *
 * Everything is relative to the worker's own address, so a build served from a sub-path
 * (/some/sub/path/sw.js) caches and serves that sub-path only.
 */
const CACHE = 'hypersphere-lab-v1';
const SCOPE = new URL('./', self.location.href).href;
const ASSETS = new URL('assets/', SCOPE).href;
const SHELL = ['index.html', 'embed-demo.html'].map((p) => new URL(p, SCOPE).href);
/** File names in HTML and built scripts: `./assets/main-x1.js`, `optimiser.worker-x2.js`. */
const REFERENCE = /[`"'](?:\.\/)?((?:assets\/)?[\w.-]+\.(?:js|mjs|css|wasm))[`"']/g;

async function cacheIfOk(cache, url) {
  try {
    const response = await fetch(url, { cache: 'no-cache' });
    if (!response.ok) return null;
    await cache.put(url, response.clone());
    return response;
  } catch {
    return null;
  }
}

/** Caches the shell and, following the names they mention, every reachable built file. */
async function precache() {
  const cache = await caches.open(CACHE);
  const queue = [...SHELL];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const url = queue.shift();
    const response = await cacheIfOk(cache, url);
    if (!response || /\.wasm$/.test(url)) continue;
    const text = await response.text();
    for (const match of text.matchAll(REFERENCE)) {
      const next = new URL(match[1], url).href;
      if (next.startsWith(ASSETS) && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((k) => k.startsWith('hypersphere-lab-') && k !== CACHE)
            .map((k) => caches.delete(k)),
        ),
      ),
  );
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request.url.split(/[?#]/)[0], response.clone());
    return response;
  } catch (error) {
    const cached =
      (await cache.match(request, { ignoreSearch: true })) ||
      (await cache.match(new URL('index.html', SCOPE).href));
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  const path = request.url.slice(SCOPE.length).split(/[?#]/)[0];
  if (request.mode === 'navigate' || path === '' || path.endsWith('.html')) {
    event.respondWith(networkFirst(request));
  } else if (request.url.startsWith(ASSETS)) {
    event.respondWith(cacheFirst(request));
  }
});
