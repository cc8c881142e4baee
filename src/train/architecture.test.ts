import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsOf, sourceFiles } from '../testing/sourceImports.ts';

/**
 * The training library receives the tfjs namespace from its caller, so the same code runs on
 * Node's cpu backend and in a browser worker on webgpu/webgl: outside node/ (the Node entry)
 * it imports TensorFlow.js only as types, and it depends only on src/core, src/data and itself.
 */
const trainDir = dirname(fileURLToPath(import.meta.url));
const srcDir = resolve(trainDir, '..');
// Other parts' folders (browser worker support, experiments, learned labellings) have their own rules.
const files = sourceFiles(trainDir, ['node', 'browser', 'experiment', 'labelling']);

describe('src/train architecture', () => {
  it('has source files', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [relative(trainDir, f), f]))(
    '%s imports tfjs as types only',
    (_, file) => {
      const text = readFileSync(file, 'utf8');
      for (const line of text.split('\n').filter((l) => l.includes('@tensorflow/'))) {
        expect(line, `${line.trim()} is a runtime import of tfjs`).toMatch(/^import type /);
      }
      for (const spec of importsOf(file).specifiers.filter((s) => s.startsWith('.'))) {
        const target = resolve(dirname(file), spec);
        const inside = ['core', 'data', 'train'].some((d) => target.startsWith(resolve(srcDir, d)));
        expect(inside, `${spec} leaves src/core, src/data and src/train`).toBe(true);
      }
    },
  );
});
