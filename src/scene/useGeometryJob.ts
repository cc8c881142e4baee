import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useId, useRef } from 'react';
import { sceneGeometryClient } from '../jobs/sceneGeometryClient.ts';
import type { GeometryAnswer, GeometryRequest } from '../jobs/sceneGeometryProtocol.ts';

/**
 * Keeps an O(N^2) overlay in step with the prototypes without blocking the page: whenever `key`
 * changes, the request goes to the scene-geometry worker (newest wins while it is busy), and the
 * answer is applied on arrival (with the key it was computed for, which may be older than the
 * current one) followed by a redraw.
 */
export function useGeometryJob<A extends GeometryAnswer>(
  key: () => string,
  makeRequest: () => GeometryRequest,
  apply: (answer: A, requestKey: string) => void,
): void {
  const slot = useId();
  const invalidate = useThree((s) => s.invalidate);
  const sent = useRef('');
  const latest = useRef(apply);
  latest.current = apply;
  useEffect(() => () => sceneGeometryClient().forget(slot), [slot]);
  useFrame(() => {
    const k = key();
    if (k === sent.current) return;
    sent.current = k;
    sceneGeometryClient().request(
      slot,
      makeRequest(),
      (answer) => {
        latest.current(answer as A, k);
        invalidate();
      },
      (message) => console.warn(`overlay not drawn: ${message}`),
    );
  }, -1);
}
