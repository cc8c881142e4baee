import type { SliceCreator } from './types.ts';

/** How the scene is drawn; nothing here changes the prototypes. */
export interface ViewSlice {
  readonly showLabels: boolean;
  readonly showGrid: boolean;
  readonly showRays: boolean;
  toggle(key: 'showLabels' | 'showGrid' | 'showRays'): void;
}

export const createViewSlice: SliceCreator<ViewSlice> = (set) => ({
  showLabels: true,
  showGrid: true,
  showRays: true,
  toggle(key) {
    set((s) => ({ [key]: !s[key] }));
  },
});
