import { useThree } from '@react-three/fiber';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { METHODS } from '../core/methods/registry.ts';
import type { ViewId } from '../state/defaults.ts';
import { useLab } from '../state/labContext.ts';
import type { PaletteId } from '../state/palettes.ts';
import type { PrototypeResult } from '../state/prototypes.ts';
import { fixed } from './format.ts';
import { setActivePalette } from './palette.ts';
import type { Source } from './source.ts';

/**
 * What the scene does for people who do not see it as drawn: the chosen palette (colour-blind
 * safe, high contrast), reduced motion, and a text alternative for the canvas.
 */

/**
 * The store's palette, made the scene's before any child renders (labels read it while
 * rendering; markers and cells when PaletteRefresh asks them to redraw).
 */
export function usePaletteSync(): PaletteId {
  const palette = useLab((s) => s.palette);
  setActivePalette(palette);
  return palette;
}

/** Inside the canvas: redraws markers and cells in the new colours when the palette changes. */
export function PaletteRefresh({
  source,
  palette,
}: {
  readonly source: Source;
  readonly palette: PaletteId;
}) {
  const invalidate = useThree((s) => s.invalidate);
  const seen = useRef(palette);
  useEffect(() => {
    if (seen.current === palette) return;
    seen.current = palette;
    // A new version makes the projector refill the colours and the cells recolour.
    source.version += 1;
    invalidate();
  }, [palette, source, invalidate]);
  return null;
}

const REDUCED = '(prefers-reduced-motion: reduce)';

function subscribeMotion(onChange: () => void): () => void {
  const query = window.matchMedia?.(REDUCED);
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

/** Whether the user asked for reduced motion (follows the system setting as it changes). */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribeMotion,
    () => window.matchMedia?.(REDUCED).matches ?? false,
    () => false,
  );
}

const VIEW_TEXT: Record<ViewId, string> = {
  s2: 'on the sphere S²',
  s3: 'in S³, projected stereographically to 3D',
  proj: 'projected to 3D',
};

/** The canvas's text alternative: what it shows and how well the prototypes are separated. */
export function sceneSummary(current: PrototypeResult | null, view: ViewId): string {
  if (!current) return 'The prototypes are being made.';
  const method = METHODS.find((m) => m.id === current.method)?.label ?? current.method;
  const { maxCosine, minAngleDeg } = current.metrics;
  return (
    `${current.N} prototypes (${method}) in dimension n = ${current.n}, ${VIEW_TEXT[view]}: ` +
    `max cosine ${fixed(maxCosine, 4)}, min angle ${fixed(minAngleDeg, 2)} degrees.`
  );
}

/** The summary as text for screen readers, referenced by the canvas's aria-describedby. */
export function SceneSummary({ id, view }: { readonly id: string; readonly view: ViewId }) {
  const current = useLab((s) => s.current);
  return (
    <p id={id} className="sr-only" data-testid="scene-summary">
      {sceneSummary(current, view)}
    </p>
  );
}
