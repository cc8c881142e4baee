import type { ParamValue } from '../core/methods/types.ts';

/**
 * The lab's defaults and limits: what the page shows first and how far a control goes. A leaf
 * module, so the settings table (settings.ts) and the slices that read it both import it, and
 * neither imports the other.
 */

/** What the controls ask for. */
export interface PrototypeRequest {
  readonly method: string;
  readonly N: number;
  readonly n: number;
  readonly seed: number;
  /** The method's parameters that differ from their defaults (by ParamSpec name). */
  readonly params: Readonly<Record<string, ParamValue>>;
}

/**
 * What the page shows first: the best 12 prototypes on S^2 (the icosahedron, which meets the
 * Levenshtein bound), found by a fixed number of steps, so the first view is the same on every
 * machine. The question comes first; the failure of log-sum-exp at these settings is one link
 * away (`#method=lse`), with the sentence that explains it.
 */
export const DEFAULT_REQUEST: PrototypeRequest = {
  method: 'best',
  N: 12,
  n: 3,
  seed: 0,
  params: { steps: 2000 },
};

/** Animation speed by default: unlimited (a step-count run gives the same prototypes at any speed). */
export const DEFAULT_SPEED = 0;
/** Highest speed cap one can set, in steps per second (above it, use 0: no cap). */
export const MAX_SPEED = 100_000;

/** The explorer draws at most this many prototypes (labels and rays thin out well before). */
export const UI_MAX_N = 2000;

/** Which 3D view shows the prototypes: S^2 itself, S^3 projected, or a projection of any n. */
export type ViewId = 's2' | 's3' | 'proj';
export const VIEW_IDS: readonly ViewId[] = ['s2', 's3', 'proj'];

/** Contact tolerance (degrees above the minimum angle) limits. */
export const CONTACT_TOLERANCE = { min: 0, max: 10, default: 0.5 } as const;
