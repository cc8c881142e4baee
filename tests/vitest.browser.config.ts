import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Browser tests: vitest runs in Node and drives Debian's Chromium with playwright-core against the
 * production build served by `vite preview` (started in globalSetup). Needs `npx vite build` first.
 */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/browser/globalSetup.ts'],
    environment: 'node',
    // One browser at a time: the machines have 2 cores and WebGL runs on SwiftShader.
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
