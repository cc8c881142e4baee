import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Helpers for the architecture tests (src/core, src/data): the non-test source files below a
 * folder, and the module specifiers each one imports.
 */
export function sourceFiles(dir: string, skipFolders: readonly string[] = []): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return skipFolders.includes(name) ? [] : sourceFiles(path, skipFolders);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The text of a file and every `from '...'` / `import('...')` specifier in it. */
export function importsOf(file: string): { text: string; specifiers: string[] } {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]/g),
  ].map((m) => m[1] ?? m[2]);
  return { text, specifiers };
}
