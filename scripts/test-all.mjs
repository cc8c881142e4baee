#!/usr/bin/env node
// `npm test`: every check in order, each streaming its own output, then a short summary and one
// final line `N passed, M failed`. N and M count unit and browser tests; every failed non-test step
// (typecheck, lint, format, build) adds 1 to M, and a failed build skips the browser tests, which
// then count as 1 failure. Exits non-zero when M > 0. Needs no TTY.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STEP_TIMEOUT_MS = 15 * 60 * 1000;
const tmp = mkdtempSync(join(tmpdir(), 'hypersphere-lab-test-'));
const results = [];
let running = null;

function stopRunning() {
  if (running?.pid) {
    try {
      process.kill(-running.pid, 'SIGTERM'); // the step's whole process group
    } catch {
      // already gone
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopRunning();
    rmSync(tmp, { recursive: true, force: true });
    process.exit(130);
  });
}

/** Runs a command with inherited output; resolves to its exit code (non-zero on spawn errors). */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      // Own process group, so a timeout or Ctrl-C stops the step and everything it started.
      detached: true,
    });
    running = child;
    const timer = setTimeout(() => {
      console.error(`\n[test-all] step timed out after ${STEP_TIMEOUT_MS / 1000} s; stopping it`);
      stopRunning();
    }, STEP_TIMEOUT_MS);
    child.on('error', (err) => {
      console.error(`[test-all] could not start ${command}: ${err.message}`);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      running = null;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function banner(name, command, args) {
  console.log(`\n=== ${name}: ${[command, ...args].join(' ')} ===`);
}

/** A check that passes or fails as a whole (counts 1 failure when it fails). */
async function check(name, command, args) {
  banner(name, command, args);
  const start = performance.now();
  const code = await run(command, args);
  const seconds = (performance.now() - start) / 1000;
  const result = {
    name,
    tests: false,
    ok: code === 0,
    seconds,
    passed: 0,
    failed: code === 0 ? 0 : 1,
    note: '',
  };
  if (code !== 0) result.note = `exit code ${code}`;
  results.push(result);
  return result.ok;
}

/** A vitest run, counted test by test from its JSON report. */
async function tests(name, extraArgs) {
  const report = join(tmp, `${name}.json`);
  const args = [
    'vitest',
    'run',
    ...extraArgs,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ];
  banner(name, 'npx', args);
  const start = performance.now();
  const code = await run('npx', args);
  const seconds = (performance.now() - start) / 1000;
  const result = { name, tests: true, ok: code === 0, seconds, passed: 0, failed: 0, note: '' };
  if (existsSync(report)) {
    try {
      const json = JSON.parse(readFileSync(report, 'utf8'));
      result.passed = json.numPassedTests ?? 0;
      result.failed = json.numFailedTests ?? 0;
    } catch (e) {
      result.note = `unreadable JSON report (${e.message})`;
    }
  } else {
    result.note = 'no JSON report';
  }
  // A crash, an error outside tests or a failed setup: count it even when no test failed.
  if (code !== 0 && result.failed === 0) {
    result.failed = 1;
    result.note ||= `exit code ${code} with no failed test`;
  }
  result.ok = code === 0 && result.failed === 0;
  results.push(result);
}

await check('typecheck', 'npm', ['run', 'typecheck']);
await check('lint', 'npx', ['biome', 'lint', '.']);
await check('format', 'npx', ['biome', 'format', '.']);
await tests('unit', []);
const built = await check('build', 'npx', ['vite', 'build']);
if (built) {
  await tests('browser', ['--config', 'tests/vitest.browser.config.ts']);
} else {
  console.log('\n=== browser: skipped (the build failed) ===');
  results.push({
    name: 'browser',
    tests: true,
    ok: false,
    seconds: 0,
    passed: 0,
    failed: 1,
    note: 'skipped: build failed',
  });
}

rmSync(tmp, { recursive: true, force: true });

let passed = 0;
let failed = 0;
console.log('\nSummary');
for (const r of results) {
  passed += r.passed;
  failed += r.failed;
  const counts = r.tests ? `${r.passed} passed, ${r.failed} failed` : '';
  const cells = [
    `  ${r.name.padEnd(10)}`,
    (r.ok ? 'ok' : 'FAILED').padEnd(7),
    `${r.seconds.toFixed(1)} s`.padStart(8),
    counts,
    r.note ? `(${r.note})` : '',
  ];
  console.log(cells.filter(Boolean).join('  ').trimEnd());
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
