import { principalAxes } from '../../core/geometry/pca.ts';
import { identity4 } from '../../core/geometry/rotation4.ts';
import { linearProjector, s3Projector } from '../projectors.ts';
import type { PointMap } from '../source.ts';

export type EmbeddingView = 's1' | 's2' | 's3' | 'proj';

/** How the embeddings of dimension n are drawn, and what the view is called. */
export function embeddingView(n: number): EmbeddingView {
  return n === 2 ? 's1' : n === 3 ? 's2' : n === 4 ? 's3' : 'proj';
}

/**
 * A map from R^n into the scene for this run: S^2 as it is, S^3 stereographically (as the
 * explorer's S^3 view, unrotated), S^1 in the plane, and larger n along the prototypes' top three
 * principal axes (fixed for the run, so the points move because training moves them, not the
 * camera).
 */
export function embeddingMap(prototypes: Float64Array, N: number, n: number): PointMap {
  switch (embeddingView(n)) {
    case 's1':
      return (v, o, out, at) => {
        out[at] = v[o];
        out[at + 1] = v[o + 1];
        out[at + 2] = 0;
        return true;
      };
    case 's2':
      return (v, o, out, at) => {
        out[at] = v[o];
        out[at + 1] = v[o + 1];
        out[at + 2] = v[o + 2];
        return true;
      };
    case 's3':
      return s3Projector(identity4(), 'stereo').map;
    case 'proj':
      return linearProjector(principalAxes(prototypes, N, n).axes, n).map;
  }
}
