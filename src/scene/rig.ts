import { useFrame, useThree } from '@react-three/fiber';
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

/**
 * Runs `work` at most as often as it can afford: after a run that took t ms it waits 4 t, so an
 * O(N^2) overlay costs at most a fifth of the time during a live optimisation. A skipped change is
 * picked up by a timer, so the last state is always drawn.
 */
export function useThrottled(key: () => string, work: () => void): void {
  const state = useRef({
    done: '',
    at: -Infinity,
    gap: 0,
    timer: 0 as ReturnType<typeof setTimeout> | 0,
  });
  const invalidate = useThree((s) => s.invalidate);
  useFrame(() => {
    const s = state.current;
    const k = key();
    if (k === s.done) return;
    const now = performance.now();
    const wait = s.at + s.gap - now;
    if (wait > 0) {
      if (!s.timer) {
        s.timer = setTimeout(() => {
          s.timer = 0;
          invalidate();
        }, wait);
      }
      return;
    }
    s.done = k;
    work();
    const end = performance.now();
    s.at = end;
    s.gap = 4 * (end - now);
  }, -1);
}
