import type { SliceCreator } from './types.ts';

/** How the scene is drawn; nothing here changes the prototypes. */
/** Which 3D view shows the prototypes: S^2 itself, S^3 projected, or a projection of any n. */
export type ViewId = 's2' | 's3' | 'proj';
export const VIEW_IDS: readonly ViewId[] = ['s2', 's3', 'proj'];

export interface ViewSlice {
  readonly view: ViewId;
  setView(view: ViewId): void;
  readonly showLabels: boolean;
  readonly showGrid: boolean;
  readonly showRays: boolean;
  toggle(key: 'showLabels' | 'showGrid' | 'showRays'): void;
}

export const createViewSlice: SliceCreator<ViewSlice> = (set) => ({
  view: 's2',
  setView(view) {
    set({ view });
  },
  showLabels: true,
  showGrid: true,
  showRays: true,
  toggle(key) {
    set((s) => ({ [key]: !s[key] }));
  },
});
