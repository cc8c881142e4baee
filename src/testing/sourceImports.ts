import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Helpers for the architecture tests (src/architecture.test.ts and those of src/core, src/data,
 * src/train): the non-test source files below a folder, and the module specifiers each imports.
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

/**
 * Every relative or package import and re-export of a file, and whether it is type-only
 * (`import type`, `export type`: erased at compile time, so it never loads the module).
 * Side-effect imports (`import './x.css'`) and dynamic `import()` load the module at run time.
 */
export function importEdges(file: string): { spec: string; typeOnly: boolean }[] {
  const text = readFileSync(file, 'utf8');
  const statements = text.matchAll(
    /^(?:import|export)(\s+type)?\s[^;]*?\bfrom\s+['"]([^'"]+)['"]/gm,
  );
  const bare = text.matchAll(/^import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]/gm);
  return [
    ...[...statements].map((m) => ({ spec: m[2], typeOnly: m[1] !== undefined })),
    ...[...bare].map((m) => ({ spec: m[1] ?? m[2], typeOnly: false })),
  ];
}

/** A loop in a graph of imports (file -> the files it imports), as its files in order; empty: none. */
export function importLoop(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (f: string): string[] => {
    if (path.includes(f)) return [...path.slice(path.indexOf(f)), f];
    if (done.has(f)) return [];
    path.push(f);
    for (const g of graph.get(f) ?? []) {
      const found = visit(g);
      if (found.length) return found;
    }
    path.pop();
    done.add(f);
    return [];
  };
  for (const f of graph.keys()) {
    const found = visit(f);
    if (found.length) return found;
  }
  return [];
}
