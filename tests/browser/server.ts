import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in tests/browser/). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface PreviewServer {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** A port that was free a moment ago (the server is started with --strictPort, so a race fails loudly). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Serves dist/ with `vite preview` on 127.0.0.1 (a secure context, which WebGPU needs) and waits
 * until it answers. The server is our own child (no npx parent), so stop() kills exactly it.
 */
export async function startPreview(root = REPO_ROOT, timeoutMs = 30_000): Promise<PreviewServer> {
  // HSL_DIST serves another build folder (e.g. `npx vite build --outDir /tmp/dist-x`), so two
  // people can build and test on one machine without overwriting each other's dist/.
  const outDir = process.env.HSL_DIST ?? join(root, 'dist');
  if (!existsSync(join(outDir, 'index.html'))) {
    throw new Error(`no production build in ${outDir}: run \`npx vite build\` first`);
  }
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const child = spawn(
      join(root, 'node_modules', '.bin', 'vite'),
      [
        'preview',
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        '--strictPort',
        '--outDir',
        outDir,
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
    );
    let output = '';
    child.stdout?.on('data', (d) => {
      output += d;
    });
    child.stderr?.on('data', (d) => {
      output += d;
    });
    const url = `http://127.0.0.1:${port}/`;
    const stop = async () => {
      if (exited(child) || child.pid === undefined) return;
      process.kill(child.pid, 'SIGTERM');
      if (!(await waitForExit(child, 5000)) && child.pid !== undefined) {
        process.kill(child.pid, 'SIGKILL');
        await waitForExit(child, 5000);
      }
    };
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && !exited(child)) {
      try {
        const res = await fetch(url);
        if (res.ok) return { url, pid: child.pid ?? -1, stop };
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    await stop();
    lastError = new Error(`vite preview on port ${port} did not start:\n${output}`);
  }
  throw lastError;
}
