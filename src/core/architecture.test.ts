import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The core is the centre of the dependency graph: everything imports it, it imports nothing
 * but itself. This test reads every non-test source file of src/core and checks its imports.
 */
const coreDir = dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('src/core architecture', () => {
  const files = sourceFiles(coreDir);

  it('has source files', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [relative(coreDir, f), f]))(
    '%s imports only core modules',
    (_, file) => {
      const text = readFileSync(file, 'utf8');
      const specifiers = [
        ...text.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]/g),
      ].map((m) => m[1] ?? m[2]);
      for (const spec of specifiers) {
        expect(spec.startsWith('.'), `${spec} is a package import`).toBe(true);
        const target = resolve(dirname(file), spec);
        expect(target.startsWith(coreDir), `${spec} leaves src/core`).toBe(true);
      }
      expect(text).not.toMatch(/\b(window|document|localStorage|process\.|Buffer\.)/);
    },
  );
});
