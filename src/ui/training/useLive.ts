import { useEffect, useRef } from 'react';
import { useTrainLive } from '../../state/labContext.ts';
import type { TrainLive } from '../../state/trainStore.ts';

/**
 * Calls `draw` with the live training values whenever they change, at most once per animation
 * frame, without a React render: the per-batch numbers reach the page through here.
 */
export function useLiveDraw(draw: (live: TrainLive) => void): void {
  const trainLive = useTrainLive();
  const latest = useRef(draw);
  latest.current = draw;
  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        latest.current(trainLive.getState());
      });
    };
    schedule();
    const unsubscribe = trainLive.subscribe(schedule);
    return () => {
      unsubscribe();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [trainLive]);
}
