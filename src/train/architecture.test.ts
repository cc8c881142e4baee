import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importEdges, importLoop, importsOf, sourceFiles } from '../testing/sourceImports.ts';

/**
 * The training library receives the tfjs namespace from its caller, so the same code runs on
 * Node's cpu backend and in a browser worker on webgpu/webgl: outside node/ (the Node entry)
 * it imports TensorFlow.js only as types, and it depends only on src/core, src/data and itself.
 */
const trainDir = dirname(fileURLToPath(import.meta.url));
const srcDir = resolve(trainDir, '..');
// node/ is the Node entry (it loads tfjs); browser/ registers the browser backends for the workers.
const files = sourceFiles(trainDir, ['node', 'browser']);

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

describe('src/train imports', () => {
  const all = sourceFiles(trainDir);
  /** Edges between files of src/train; `types`: type-only imports too. */
  const edges = (types: boolean) =>
    new Map(
      all.map((f) => [
        relative(trainDir, f),
        importEdges(f)
          .filter((e) => e.spec.startsWith('.') && (types || !e.typeOnly))
          .map((e) => relative(trainDir, resolve(dirname(f), e.spec)))
          .filter((t) => !t.startsWith('..')),
      ]),
    );

  it('close no loop at run time', () => {
    expect(importLoop(edges(false))).toEqual([]);
  });

  it('close no loop with type-only imports either, but for three justified ones', () => {
    // Each pair runs one way only; the other way names a type, erased at compile time:
    // the labelling names belong to the registry that lists them (types.ts <- registry.ts), a
    // run is a Trainer (run.ts <- trainer.ts, which makes runs), and a labelling's helper takes
    // the registry's context (structure.ts <- registry.ts, which calls it).
    const typeOnly = ['types.ts', 'run.ts', 'labellings/structure.ts'];
    const graph = edges(true);
    const wanted = ['labellings/registry.ts', 'trainer.ts'];
    for (const from of typeOnly) {
      graph.set(
        from,
        (graph.get(from) ?? []).filter((to) => !wanted.includes(to)),
      );
    }
    expect(importLoop(graph)).toEqual([]);
  });
});
