import type { Codebook } from '../core/math/codebook.ts';

/**
 * The prototypes a view draws: a private copy that a live optimisation rewrites in place
 * (bumping `version`), so views follow the optimiser without React re-rendering.
 */
export interface Source {
  /** Unique per source, so a new source never looks like an old one at the same version. */
  readonly id: number;
  readonly N: number;
  readonly n: number;
  readonly data: Float64Array;
  version: number;
}

let nextId = 1;

export function sourceOf(codebook: Codebook | undefined, N: number, n: number): Source {
  const data =
    codebook && codebook.N === N && codebook.n === n
      ? Float64Array.from(codebook.data)
      : new Float64Array(N * n);
  return { id: nextId++, N, n, data, version: 0 };
}

/** What the markers show: a centre and a colour per prototype, rewritten by the view's projector. */
export interface Display {
  readonly xyz: Float32Array;
  /** RGB per prototype (0..1). */
  readonly colors: Float32Array;
  /** false hides a prototype (e.g. projected to near infinity). */
  readonly visible: Uint8Array;
  version: number;
}

export function makeDisplay(N: number): Display {
  return {
    xyz: new Float32Array(N * 3),
    colors: new Float32Array(N * 3),
    visible: new Uint8Array(N).fill(1),
    version: 0,
  };
}

/** Maps a point of R^n (read from `v` at `offset`) to the scene; null when it cannot be drawn. */
export type PointMap = (
  v: ArrayLike<number>,
  offset: number,
  out: Float32Array,
  at: number,
) => boolean;
