#!/usr/bin/env node
// The hypersphere-lab command: runs src/cli/main.ts (TypeScript) through tsx's loader, from any
// working directory (paths are resolved relative to this file).
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/main.ts', import.meta.url).href);
