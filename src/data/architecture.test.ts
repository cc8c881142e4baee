import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsOf, sourceFiles } from '../testing/sourceImports.ts';
import { IMAGE_SIDE } from './formats.ts';
import { toRgba } from './pixels.ts';

/**
 * src/data runs in the browser (in a worker) and in Node: apart from node/ and testing/, its
 * files use only web APIs (streams, DecompressionStream, typed arrays) and import only src/data
 * and src/core.
 */
const dataDir = dirname(fileURLToPath(import.meta.url));
const srcDir = resolve(dataDir, '..');

describe('src/data architecture', () => {
  const files = sourceFiles(dataDir, ['node', 'testing']);

  it('has its readers', () => {
    expect(files.map((f) => relative(dataDir, f))).toEqual(
      expect.arrayContaining(['tar.ts', 'archive.ts', 'load.ts']),
    );
  });

  it.each(files.map((f) => [relative(dataDir, f), f]))(
    '%s runs in browsers and Node alike',
    (_, file) => {
      const { text, specifiers } = importsOf(file);
      for (const spec of specifiers) {
        expect(spec.startsWith('.'), `${spec} is a package import`).toBe(true);
        const target = resolve(dirname(file), spec);
        const inside = target.startsWith(dataDir) || target.startsWith(join(srcDir, 'core'));
        expect(inside, `${spec} leaves src/data and src/core`).toBe(true);
        expect(target.startsWith(join(dataDir, 'node')), `${spec} is Node-only`).toBe(false);
      }
      expect(text).not.toMatch(/\b(process\.|Buffer\.|require\(|window\.|document\.)/);
    },
  );
});

describe('toRgba', () => {
  it('interleaves the red, green and blue planes', () => {
    const image = new Uint8Array(3072);
    image[0] = 10; // red of pixel 0
    image[1024] = 20; // green of pixel 0
    image[2048 + 33] = 30; // blue of pixel (1, 1)
    const rgba = toRgba(image);
    expect(rgba.length).toBe(IMAGE_SIDE * IMAGE_SIDE * 4);
    expect([...rgba.subarray(0, 4)]).toEqual([10, 20, 0, 255]);
    expect([...rgba.subarray(33 * 4, 33 * 4 + 4)]).toEqual([0, 0, 30, 255]);
    expect(() => toRgba(new Uint8Array(10))).toThrow(/3072 bytes/);
  });
});
