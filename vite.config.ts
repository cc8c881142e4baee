/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // Relative asset and worker URLs: dist/ works from any sub-path (e.g. /courses/geometry/lab/).
  base: './',
  build: {
    target: 'es2022',
    // three.js alone is ~760 kB minified; anything bigger than that should be split.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      // The app, and a demo page hosting two <hypersphere-lab> elements (src/embed/).
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        'embed-demo': fileURLToPath(new URL('embed-demo.html', import.meta.url)),
      },
      output: {
        // Keep the app chunk small and cacheable: three.js and the React/r3f stack get their own
        // chunks. Heavy libraries added later (tfjs) belong behind a dynamic import(), not here.
        codeSplitting: {
          groups: [
            { name: 'three', test: /node_modules[\\/](three|three-stdlib)[\\/]/, priority: 2 },
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|@react-three|zustand|its-fine|suspend-react)[\\/]/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    exclude: ['tests/**', 'node_modules/**', 'dist/**'],
    environment: 'node',
    passWithNoTests: true,
  },
});
