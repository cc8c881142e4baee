import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importEdges, importLoop, sourceFiles } from './testing/sourceImports.ts';

/**
 * The floors of src/ (docs/architecture.md says what each owns): a file imports only from its
 * own folder and from floors below it, never up and never sideways. Tests are not checked: a
 * test may drive its floor from above (tour/steps.test.ts checks the presets through the store).
 * A folder's testing/ helpers belong to its floor.
 */
const FLOORS: readonly (readonly string[])[] = [
  ['testing'], // helpers of the architecture tests; they read files, nothing of the app
  ['core'],
  ['data'],
  ['train'],
  ['jobs'],
  ['workers', 'cli'], // worker entries and the command line: two tops of the lower floors
  ['tour'], // the tour's steps: content that the state reads
  ['state'],
  ['scene'],
  ['ui'],
  ['embed'],
  ['main.tsx'],
];

/**
 * Imports that break the rule on purpose, each with its reason ("from -> to", paths in src/).
 * None today; a type-only import upward needs an entry here like any other.
 */
const EXCEPTIONS: Readonly<Record<string, string>> = {};

/** Outside src/, a file may import only these (the command line prints the package's version). */
const OUTSIDE_SRC = ['package.json'];

const srcDir = dirname(fileURLToPath(import.meta.url));
const files = sourceFiles(srcDir);
const rel = (path: string) => relative(srcDir, path).split(sep).join('/');
const folderOf = (path: string) => rel(path).split('/')[0];
const floorOf = (folder: string) => FLOORS.findIndex((f) => f.includes(folder));

/** Why `file` may not import `target` (null: it may). */
function violation(file: string, target: string): string | null {
  if (!target.startsWith(srcDir + sep)) {
    return OUTSIDE_SRC.includes(basename(target)) ? null : 'leaves src/';
  }
  const [from, to] = [folderOf(file), folderOf(target)];
  if (from === to || EXCEPTIONS[`${rel(file)} -> ${rel(target)}`]) return null;
  const [a, b] = [floorOf(from), floorOf(to)];
  if (a < 0 || b < 0) return `${a < 0 ? from : to} is on no floor`;
  if (b < a) return null;
  return b === a ? `${from} and ${to} share a floor` : `${to} is above ${from}`;
}

describe('the floors of src/', () => {
  it('knows every folder', () => {
    const unknown = [...new Set(files.map(folderOf))].filter((f) => floorOf(f) < 0);
    expect(unknown).toEqual([]);
  });

  it.each(files.map((f) => [rel(f), f]))('%s imports only its own floor and below', (_, file) => {
    const wrong = importEdges(file)
      .filter((e) => e.spec.startsWith('.'))
      .flatMap(({ spec }) => {
        const why = violation(file, resolve(dirname(file), spec));
        return why ? [`${spec}: ${why}`] : [];
      });
    expect(wrong).toEqual([]);
  });
});

describe('workers', () => {
  const clients = files.filter((f) => /^jobs\/\w+Client\.ts$/.test(rel(f)));

  it('are started only by the clients in jobs/ (jobs/*Client.ts)', () => {
    const starters = files.filter((f) => /\bnew Worker\(/.test(readFileSync(f, 'utf8')));
    expect(starters.map(rel).filter((f) => !clients.map(rel).includes(f))).toEqual([]);
  });

  it.each(files.filter((f) => f.endsWith('.worker.ts')).map((f) => [rel(f), f]))(
    '%s has a protocol, a host and a client in jobs/, and only its client names it',
    (_, entry) => {
      const name = basename(entry, '.worker.ts');
      for (const part of ['Protocol', 'Host', 'Client']) {
        expect(
          existsSync(join(srcDir, 'jobs', `${name}${part}.ts`)),
          `jobs/${name}${part}.ts`,
        ).toBe(true);
      }
      const namers = files.filter((f) =>
        readFileSync(f, 'utf8').includes(`/workers/${name}.worker.ts'`),
      );
      expect(namers.map(rel)).toEqual([`jobs/${name}Client.ts`]);
    },
  );
});

describe('stores', () => {
  it('are made only in src/state (zustand is imported at run time nowhere else)', () => {
    const users = files.filter((f) =>
      importEdges(f).some((e) => e.spec.startsWith('zustand') && !e.typeOnly),
    );
    expect(users.filter((f) => folderOf(f) !== 'state').map(rel)).toEqual([]);
  });

  it('come as one lab, made only by a page or an element (reached through LabContext)', () => {
    const makers = files.filter((f) => /=\s*createLabStores\(\)/.test(readFileSync(f, 'utf8')));
    expect(makers.map(rel).sort()).toEqual(['embed/element.tsx', 'main.tsx']);
  });
});

describe('src/state', () => {
  const stateDir = join(srcDir, 'state');
  const own = files.filter((f) => dirname(f) === stateDir);
  /** Edges between files of src/state; `types`: type-only imports too. */
  const edges = (types: boolean) =>
    new Map(
      own.map((f) => [
        f,
        importEdges(f)
          .filter((e) => e.spec.startsWith('./') && (types || !e.typeOnly))
          .map((e) => resolve(stateDir, e.spec)),
      ]),
    );

  const loop = (graph: Map<string, string[]>) => importLoop(graph).map((p) => basename(p));

  it('has no loop of run-time imports', () => {
    expect(loop(edges(false))).toEqual([]);
  });

  it('closes no loop with type-only imports either, but for labState.ts and its slices', () => {
    // The zustand slice pattern: LabState is the sum of the slices' types (labState.ts imports
    // them) and each slice's creator sees the whole LabState. Those imports are types only,
    // erased at compile time, so they fix no load order; every other loop is cut.
    const graph = edges(true);
    graph.set(join(stateDir, 'labState.ts'), []);
    expect(loop(graph)).toEqual([]);
  });
});
