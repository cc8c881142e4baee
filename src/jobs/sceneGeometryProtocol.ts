import type { CellBorders } from '../core/geometry/cellBorders.ts';
import type { ContactPairs } from '../core/geometry/contacts.ts';

/**
 * Messages of the scene-geometry worker: the O(N^2) overlays of the 3D views (Voronoi cell
 * borders, the contact graph), computed off the main thread so a live optimisation with
 * thousands of prototypes never stalls the page.
 */
export type GeometryRequest =
  | {
      readonly kind: 'cells';
      readonly data: Float64Array;
      readonly N: number;
      readonly inset: number;
      readonly lift: number;
    }
  | {
      readonly kind: 'contacts';
      readonly data: Float64Array;
      readonly N: number;
      readonly n: number;
      readonly toleranceDeg: number;
      readonly maxEdges: number;
    };

export type GeometryKind = GeometryRequest['kind'];

export type GeometryAnswer =
  | { readonly kind: 'cells'; readonly borders: CellBorders }
  | { readonly kind: 'contacts'; readonly pairs: ContactPairs | null };

export interface ToGeometry {
  readonly id: number;
  readonly request: GeometryRequest;
}

export type FromGeometry =
  | { readonly id: number; readonly type: 'done'; readonly answer: GeometryAnswer }
  | { readonly id: number; readonly type: 'error'; readonly message: string };
