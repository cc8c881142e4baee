// What the benchmarks that drive Chromium need before they start: a production build to serve
// and the CIFAR-10 archive. Without either they skip with a note (exit 0), so `npm run bench`
// still runs the others. (bench/run.ts runs only the top-level bench/*.ts files, not this one.)
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CIFAR10 } from '../../src/data/testing/archives.ts';
import { REPO_ROOT } from '../../tests/browser/harness.ts';

export function skipWithoutBuildOrArchive(): void {
  const dist = process.env.HSL_DIST ?? join(REPO_ROOT, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    console.log(`skipped: no production build in ${dist} (run \`npx vite build\` first)`);
    process.exit(0);
  }
  if (!CIFAR10.present) {
    console.log(`skipped: no CIFAR-10 archive at ${CIFAR10.path} (set ${CIFAR10.envVar})`);
    process.exit(0);
  }
}
