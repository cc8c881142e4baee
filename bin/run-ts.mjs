#!/usr/bin/env node
// Runs a TypeScript file through tsx: node bin/run-ts.mjs path/to/file.ts [args...]
// The file sees process.argv as if it had been run directly: [node, file, ...args]. Both tsx
// hooks are registered: ESM for files in this package ("type": "module"), CommonJS for .ts files
// outside any ESM package (Node loads those as CommonJS).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register as registerCjs } from 'tsx/cjs/api';
import { register as registerEsm } from 'tsx/esm/api';

const [file, ...args] = process.argv.slice(2);
if (!file) {
  process.stderr.write('error: usage: node bin/run-ts.mjs FILE.ts [args...]\n');
  process.exit(2);
}
const path = resolve(file);
if (!existsSync(path)) {
  process.stderr.write(`error: no such file: ${file}\n`);
  process.exit(2);
}
process.argv = [process.argv[0], path, ...args];
registerCjs();
registerEsm();
await import(pathToFileURL(path).href);
