import { describe, expect, it } from 'vitest';
import { DEFAULT_REQUEST, UI_MAX_N } from './prototypes.ts';
import { createLabStore } from './store.ts';

describe('lab store', () => {
  it('starts with the regular tetrahedron', () => {
    const s = createLabStore().getState();
    expect(s.request).toEqual(DEFAULT_REQUEST);
    expect(s.error).toBeNull();
    expect(s.current?.codebook.N).toBe(4);
    expect(s.current?.metrics.maxCosine).toBeCloseTo(-1 / 3, 12);
  });

  it('remakes the prototypes when the request changes', () => {
    const store = createLabStore();
    store.getState().setRequest({ method: 'orthoplex', N: 6 });
    const s = store.getState();
    expect(s.error).toBeNull();
    expect(s.current?.method).toBe('orthoplex');
    expect(s.current?.codebook.N).toBe(6);
    expect(s.current?.metrics.maxCosine).toBe(0);
  });

  it('keeps the previous prototypes and reports why when a request is infeasible', () => {
    const store = createLabStore();
    store.getState().setRequest({ method: 'orthoplex', N: 6 });
    const before = store.getState().current;
    store.getState().setRequest({ method: 'onehot' });
    const s = store.getState();
    expect(s.request).toMatchObject({ method: 'onehot', N: 6 });
    expect(s.current).toBe(before);
    expect(s.error).toMatch(/onehot cannot run at N = 6, n = 3/);
    // A feasible request clears the error.
    store.getState().setRequest({ N: 3 });
    expect(store.getState().error).toBeNull();
    expect(store.getState().current?.method).toBe('onehot');
  });

  it('reports bad input instead of throwing', () => {
    const store = createLabStore();
    store.getState().setRequest({ N: 1 });
    expect(store.getState().error).toMatch(/N must be a whole number/);
    store.getState().setRequest({ N: UI_MAX_N + 1 });
    expect(store.getState().error).toMatch(/at most/);
    expect(store.getState().current?.codebook.N).toBe(4);
  });

  it('toggles view options without touching the prototypes', () => {
    const store = createLabStore();
    const before = store.getState().current;
    store.getState().toggle('showLabels');
    expect(store.getState().showLabels).toBe(false);
    expect(store.getState().current).toBe(before);
  });
});
