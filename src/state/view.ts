import {
  identity4,
  type PlaneName,
  rotateInPlane,
  rotationToPole,
} from '../core/geometry/rotation4.ts';
import { CONTACT_TOLERANCE, type ViewId } from './defaults.ts';
import type { SliceCreator } from './labState.ts';

/** How the scene is drawn; nothing here changes the prototypes. */

/** S^3 -> R^3: stereographic from the pole, or orthographic (drop w). */
export type S3Projection = 'stereo' | 'ortho';
/** The any-n view: the top principal axes of the prototypes, or three chosen coordinates. */
export type ProjAxes = 'pca' | 'coords';

/** The dimension a view needs (null: any). */
export const VIEW_DIMENSION: Readonly<Record<ViewId, number | null>> = { s2: 3, s3: 4, proj: null };

/** The view actually drawn for prototypes in R^n: s2 and s3 fall back to proj in other dimensions. */
export function shownView(view: ViewId, n: number): ViewId {
  const need = VIEW_DIMENSION[view];
  return need === null || need === n ? view : 'proj';
}

type ToggleKey = 'showLabels' | 'showGrid' | 'showRays' | 'showCells' | 'showContacts';

export interface ViewSlice {
  readonly view: ViewId;
  setView(view: ViewId): void;
  readonly showLabels: boolean;
  readonly showGrid: boolean;
  readonly showRays: boolean;
  /** Spherical Voronoi cells (S^2 view). */
  readonly showCells: boolean;
  /** The contact graph of nearest pairs (every view). */
  readonly showContacts: boolean;
  toggle(key: ToggleKey): void;
  /** Pairs within this many degrees of the minimum angle are drawn as contacts. */
  readonly contactToleranceDeg: number;
  setContactTolerance(deg: number): void;

  /** S^3 view: the projection to R^3. */
  readonly s3Projection: S3Projection;
  setS3Projection(p: S3Projection): void;
  /**
   * S^3 view: the 4D rotation applied before projecting, row-major 4 x 4. One matrix, composed
   * from plane rotations (never stored as angles); the pole of the stereographic projection is
   * the point it takes to (0, 0, 0, 1), i.e. its last row.
   */
  readonly rotation4: readonly number[];
  /** Turns the view by `angle` radians in a coordinate plane (after the current rotation). */
  rotate4(plane: PlaneName, angle: number): void;
  /** Moves the pole of the projection to the unit 4-vector p (a fresh rotation taking p to e_w). */
  setPole(p: readonly number[]): void;
  resetRotation(): void;

  /** Any-n view: PCA axes or a coordinate triple. */
  readonly projAxes: ProjAxes;
  readonly projTriple: readonly [number, number, number];
  setProjection(patch: { axes?: ProjAxes; triple?: readonly [number, number, number] }): void;

  /** The prototype whose details are shown (clicked), or null. */
  readonly selected: number | null;
  select(i: number | null): void;
}

export const createViewSlice: SliceCreator<ViewSlice> = (set) => ({
  view: 's2',
  setView(view) {
    set({ view });
  },
  showLabels: true,
  showGrid: true,
  showRays: true,
  showCells: true,
  showContacts: true,
  toggle(key) {
    set((s) => ({ [key]: !s[key] }));
  },
  contactToleranceDeg: CONTACT_TOLERANCE.default,
  setContactTolerance(deg) {
    if (!Number.isFinite(deg)) return;
    set({
      contactToleranceDeg: Math.min(CONTACT_TOLERANCE.max, Math.max(CONTACT_TOLERANCE.min, deg)),
    });
  },
  s3Projection: 'stereo',
  setS3Projection(s3Projection) {
    set({ s3Projection });
  },
  rotation4: Array.from(identity4()),
  rotate4(plane, angle) {
    set((s) => ({
      rotation4: Array.from(rotateInPlane(Float64Array.from(s.rotation4), plane, angle)),
    }));
  },
  setPole(p) {
    set({ rotation4: Array.from(rotationToPole(p)) });
  },
  resetRotation() {
    set({ rotation4: Array.from(identity4()) });
  },
  projAxes: 'pca',
  projTriple: [0, 1, 2],
  setProjection({ axes, triple }) {
    set((s) => ({ projAxes: axes ?? s.projAxes, projTriple: triple ?? s.projTriple }));
  },
  selected: null,
  select(selected) {
    set({ selected });
  },
});
