import type { RootState } from '@react-three/fiber';

/**
 * three.js reads every shader's info log after compiling it (checkShaderErrors), which makes the
 * page wait for the compile on the main thread: on software WebGL (headless Chromium, and
 * machines without a GPU driver) over a second when a view is first drawn. Our shaders are
 * three's own, so the production build skips the check; development keeps it.
 */
export function skipShaderChecks({ gl }: RootState): void {
  gl.debug.checkShaderErrors = import.meta.env.DEV;
}
