import type { TestProject } from 'vitest/node';
import { startPreview } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the production build is served, e.g. http://127.0.0.1:41234/ */
    previewUrl: string;
  }
}

/** One preview server for the whole browser run, stopped by its PID at teardown. */
export default async function setup(project: TestProject) {
  const server = await startPreview();
  console.log(`[browser tests] vite preview at ${server.url} (pid ${server.pid})`);
  project.provide('previewUrl', server.url);
  return async () => {
    await server.stop();
  };
}
