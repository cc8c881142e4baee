import { describe, expect, it } from 'vitest';
import { apply4, det4 } from '../core/geometry/rotation4.ts';
import { inProcessOptimiserJobs } from '../jobs/optimiserClient.ts';
import { createLabStore } from './labStore.ts';
import { shownView } from './view.ts';

describe('view slice', () => {
  it('falls back to the projection where S^2 or S^3 cannot show the prototypes', () => {
    expect(shownView('s2', 3)).toBe('s2');
    expect(shownView('s2', 4)).toBe('proj');
    expect(shownView('s3', 4)).toBe('s3');
    expect(shownView('s3', 3)).toBe('proj');
    expect(shownView('proj', 17)).toBe('proj');
  });

  it('keeps the 4D rotation as one orthogonal matrix with det 1', () => {
    const store = createLabStore(inProcessOptimiserJobs());
    const s = () => store.getState();
    for (let k = 0; k < 300; k++)
      s().rotate4(k % 3 === 0 ? 'xw' : k % 3 === 1 ? 'yw' : 'zw', 0.1 + k * 1e-3);
    const m = Float64Array.from(s().rotation4);
    expect(m).toHaveLength(16);
    expect(det4(m)).toBeCloseTo(1, 12);
    for (let r = 0; r < 4; r++) {
      for (let q = 0; q < 4; q++) {
        let d = 0;
        for (let k = 0; k < 4; k++) d += m[r * 4 + k] * m[q * 4 + k];
        expect(d).toBeCloseTo(r === q ? 1 : 0, 12);
      }
    }
  });

  it('moves the pole: the chosen point goes to (0, 0, 0, 1), and reset returns to the identity', () => {
    const store = createLabStore(inProcessOptimiserJobs());
    store.getState().setPole([0.5, -0.5, 0.5, 0.5]);
    const q = apply4(Float64Array.from(store.getState().rotation4), [0.5, -0.5, 0.5, 0.5]);
    expect(q[3]).toBeCloseTo(1, 12);
    store.getState().resetRotation();
    expect(store.getState().rotation4).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
  });

  it('clamps the contact tolerance and ignores what is not a number', () => {
    const store = createLabStore(inProcessOptimiserJobs());
    store.getState().setContactTolerance(99);
    expect(store.getState().contactToleranceDeg).toBe(10);
    store.getState().setContactTolerance(Number.NaN);
    expect(store.getState().contactToleranceDeg).toBe(10);
    store.getState().setContactTolerance(-1);
    expect(store.getState().contactToleranceDeg).toBe(0);
  });
});
