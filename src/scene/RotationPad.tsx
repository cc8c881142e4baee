import { type RefObject, useEffect } from 'react';
import type { PlaneName } from '../core/geometry/rotation4.ts';
import { useLabStore } from '../state/labContext.ts';

/** Radians of 4D rotation per dragged pixel, per wheel unit, and per button press. */
const DRAG_RATE = 0.008;
const WHEEL_RATE = 0.002;
const STEP = Math.PI / 12;

/**
 * Shift (or Alt) + drag turns the S^3 view in the xw (horizontal) and yw (vertical) planes,
 * Shift/Alt + wheel in the zw plane. Listens in the capture phase on the stage, so the orbit
 * controls on the canvas never see a modified gesture.
 */
export function useModifierRotation(
  stage: RefObject<HTMLDivElement | null>,
  active: boolean,
): void {
  const store = useLabStore();
  useEffect(() => {
    const el = stage.current;
    if (!el || !active) return;
    let last: { x: number; y: number; id: number } | null = null;
    const rotate = (plane: PlaneName, angle: number) => store.getState().rotate4(plane, angle);
    const down = (e: PointerEvent) => {
      if (!(e.shiftKey || e.altKey) || !(e.target instanceof HTMLCanvasElement)) return;
      e.stopPropagation();
      e.preventDefault();
      last = { x: e.clientX, y: e.clientY, id: e.pointerId };
      el.setPointerCapture?.(e.pointerId);
    };
    const move = (e: PointerEvent) => {
      if (!last || e.pointerId !== last.id) return;
      e.stopPropagation();
      const dx = e.clientX - last.x;
      const dy = e.clientY - last.y;
      last = { x: e.clientX, y: e.clientY, id: e.pointerId };
      if (dx) rotate('xw', dx * DRAG_RATE);
      if (dy) rotate('yw', dy * DRAG_RATE);
    };
    const up = (e: PointerEvent) => {
      if (!last || e.pointerId !== last.id) return;
      e.stopPropagation();
      last = null;
    };
    const wheel = (e: WheelEvent) => {
      if (!(e.shiftKey || e.altKey)) return;
      e.stopPropagation();
      e.preventDefault();
      // Shift turns the wheel sideways in some browsers: take whichever delta moved.
      rotate('zw', (e.deltaY || e.deltaX) * WHEEL_RATE);
    };
    const opts = { capture: true } as const;
    el.addEventListener('pointerdown', down, opts);
    el.addEventListener('pointermove', move, opts);
    el.addEventListener('pointerup', up, opts);
    el.addEventListener('pointercancel', up, opts);
    el.addEventListener('wheel', wheel, { capture: true, passive: false });
    return () => {
      el.removeEventListener('pointerdown', down, opts);
      el.removeEventListener('pointermove', move, opts);
      el.removeEventListener('pointerup', up, opts);
      el.removeEventListener('pointercancel', up, opts);
      el.removeEventListener('wheel', wheel, opts);
    };
  }, [stage, active, store]);
}

/** On-screen 4D rotation buttons (touch screens have no modifier keys). */
export function RotationPad() {
  const store = useLabStore();
  const rotate = (plane: PlaneName, sign: number) => store.getState().rotate4(plane, sign * STEP);
  const planes: PlaneName[] = ['xw', 'yw', 'zw'];
  return (
    <fieldset className="rotation-pad" data-testid="rotation-pad" aria-label="4D rotation">
      {planes.map((p) => (
        <div key={p} className="pad-row">
          <button
            type="button"
            onClick={() => rotate(p, -1)}
            aria-label={`rotate in ${p} backwards`}
          >
            −
          </button>
          <span>{p}</span>
          <button type="button" onClick={() => rotate(p, 1)} aria-label={`rotate in ${p} forwards`}>
            +
          </button>
        </div>
      ))}
      <button type="button" className="pad-reset" onClick={() => store.getState().resetRotation()}>
        reset 4D
      </button>
    </fieldset>
  );
}
