import { useLab } from '../../state/labContext.ts';

/** Slider stops in optimiser steps per second; the last (0) means as fast as possible. */
export const SPEED_STOPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 0] as const;

/** The slider stop nearest to a speed (links may hold any speed, e.g. 37). */
export function speedStop(speed: number): number {
  if (!(speed > 0)) return SPEED_STOPS.length - 1;
  let best = 0;
  for (let i = 0; i < SPEED_STOPS.length - 1; i++) {
    if (
      Math.abs(Math.log(SPEED_STOPS[i] / speed)) < Math.abs(Math.log(SPEED_STOPS[best] / speed))
    ) {
      best = i;
    }
  }
  return best;
}

export function speedText(speed: number): string {
  return speed > 0 ? `${speed} steps/s` : 'max';
}

/**
 * Animation speed: caps how many optimiser steps per second the worker makes, so that one can
 * watch the prototypes move. It changes the running job at once and never the result.
 */
export function SpeedControl() {
  const speed = useLab((s) => s.speed);
  const setSpeed = useLab((s) => s.setSpeed);
  return (
    <label className="speed">
      <span>Speed</span>
      <input
        id="speed"
        type="range"
        min={0}
        max={SPEED_STOPS.length - 1}
        step={1}
        value={speedStop(speed)}
        aria-valuetext={speedText(speed)}
        onChange={(e) => setSpeed(SPEED_STOPS[Number(e.target.value)])}
      />
      <output htmlFor="speed" data-testid="speed">
        {speedText(speed)}
      </output>
    </label>
  );
}
