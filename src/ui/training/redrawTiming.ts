import { useLayoutEffect, useRef } from 'react';

/**
 * Times a component's redraw when `value` changes: from its render to its DOM updated, as a
 * performance measure named `name` (read by bench/browserStory.ts, which has no other way to see
 * React's work). Costs two performance entries per change.
 */
export function useRedrawTiming(name: string, value: unknown): void {
  const drawn = useRef<unknown>(undefined);
  if (drawn.current !== value) performance.mark(`${name}:start`);
  useLayoutEffect(() => {
    if (drawn.current === value) return;
    drawn.current = value;
    performance.measure(name, `${name}:start`);
  }, [name, value]);
}
