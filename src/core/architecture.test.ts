import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsOf, sourceFiles } from '../testing/sourceImports.ts';

/**
 * The core is the centre of the dependency graph: everything imports it, it imports nothing
 * but itself. This test reads every non-test source file of src/core and checks its imports.
 */
const coreDir = dirname(fileURLToPath(import.meta.url));

describe('src/core architecture', () => {
  const files = sourceFiles(coreDir);

  it('has source files', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [relative(coreDir, f), f]))(
    '%s imports only core modules',
    (_, file) => {
      const { text, specifiers } = importsOf(file);
      for (const spec of specifiers) {
        expect(spec.startsWith('.'), `${spec} is a package import`).toBe(true);
        const target = resolve(dirname(file), spec);
        expect(target.startsWith(coreDir), `${spec} leaves src/core`).toBe(true);
      }
      expect(text).not.toMatch(/\b(window|document|localStorage|process\.|Buffer\.)/);
    },
  );
});
