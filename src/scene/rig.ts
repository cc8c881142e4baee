import { useFrame } from '@react-three/fiber';
import { useRef } from 'react';
import type { Projector } from './projectors.ts';
import type { Display, Source } from './source.ts';

/**
 * A view's projector, mutable: a 4D rotation or new PCA axes replace it and bump `version`
 * without a React render. Markers and overlays redraw when `source.version` or `version` moves.
 */
export interface Rig {
  projector: Projector;
  version: number;
}

/** Fills the display from the source whenever either changed (runs before the other frame callbacks). */
export function useProjection(
  source: Source,
  rig: Rig,
  display: Display,
  before?: (sourceChanged: boolean) => void,
): void {
  const seen = useRef({ source: -1, rig: -1, display: null as Display | null });
  useFrame(() => {
    const s = seen.current;
    const sourceChanged = s.source !== source.version || s.display !== display;
    if (!sourceChanged && s.rig === rig.version) return;
    before?.(sourceChanged);
    s.source = source.version;
    s.rig = rig.version;
    s.display = display;
    rig.projector.fill(source, display);
    display.version += 1;
  }, -2);
}
