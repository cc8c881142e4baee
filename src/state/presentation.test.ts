import { describe, expect, it } from 'vitest';
import { createCodebook } from '../core/math/codebook.ts';
import { separationMetrics } from '../core/metrics/separation.ts';
import { inProcessOptimiserJobs } from '../jobs/optimiserClient.ts';
import { TOUR_STEPS } from '../tour/steps.ts';
import { createLabStore } from './labStore.ts';
import { showLoadedPrototypes } from './loadedFile.ts';
import { PRESENT_SPEED } from './presentation.ts';
import { applyHash, stateHash } from './urlSync.ts';

async function readyStore() {
  const store = createLabStore(inProcessOptimiserJobs());
  await Promise.resolve();
  return store;
}

describe('presentation slice', () => {
  it('slows an uncapped animation in presentation mode and restores it afterwards', async () => {
    const store = await readyStore();
    expect(store.getState().speed).toBe(0);
    store.getState().setPresent(true);
    expect(store.getState().present).toBe(true);
    expect(store.getState().speed).toBe(PRESENT_SPEED);
    store.getState().setPresent(false);
    expect(store.getState().speed).toBe(0);
    // A speed the user chose stays as it is, on and off.
    store.getState().setSpeed(20);
    store.getState().setPresent(true);
    expect(store.getState().speed).toBe(20);
    store.getState().setPresent(false);
    expect(store.getState().speed).toBe(20);
  });

  it('cycles the palettes in order', async () => {
    const store = await readyStore();
    const seen = [store.getState().palette];
    for (let i = 0; i < 3; i++) {
      store.getState().cyclePalette();
      seen.push(store.getState().palette);
    }
    expect(seen).toEqual(['default', 'okabe-ito', 'high-contrast', 'default']);
  });

  it('goes to a tour step with its preset, keeping how the page is presented', async () => {
    const store = await readyStore();
    store.getState().setPresent(true);
    store.getState().setPalette('okabe-ito');
    store.getState().toggle('showGrid');
    store.getState().goToTourStep(6);
    const s = store.getState();
    expect(s.tourStep).toBe(6);
    expect(s.request).toEqual({ method: 'rm', N: 4, n: 3, seed: 0, params: { fit: 'shorten' } });
    expect(s.current?.metrics.minAngleDeg).toBeCloseTo(109.4712206, 6);
    expect([s.present, s.palette, s.speed]).toEqual([true, 'okabe-ito', PRESENT_SPEED]);
    // What the step does not name returns to its default.
    expect(s.showGrid).toBe(true);
    expect(stateHash(s)).toBe(
      'method=rm&N=4&n=3&seed=0&view=s2&speed=200&present=1&palette=okabe-ito&tour=6&opt.fit=shorten',
    );
    // Steps beyond either end are clamped; closing keeps what is shown.
    store.getState().goToTourStep(99);
    expect(store.getState().tourStep).toBe(TOUR_STEPS.length);
    store.getState().goToTourStep(-3);
    expect(store.getState().tourStep).toBe(1);
    store.getState().closeTour();
    expect(store.getState().tourStep).toBe(0);
    expect(store.getState().request.method).toBe('orthoplex');
  });

  it('goes back from the tour to the prototypes and settings shown before it', async () => {
    const store = await readyStore();
    applyHash(store, '#method=mettes&N=7&n=4&seed=3&opt.steps=200&show.grid=0');
    const before = store.getState().current;
    expect(before?.method).toBe('mettes');
    store.getState().goToTourStep(2);
    store.getState().goToTourStep(6);
    expect(store.getState().tourCanReturn).toBe(true);
    store.getState().setPalette('high-contrast');
    store.getState().returnFromTour();
    const s = store.getState();
    expect(s.tourStep).toBe(0);
    expect(s.tourCanReturn).toBe(false);
    expect(s.request).toEqual({ method: 'mettes', N: 7, n: 4, seed: 3, params: { steps: 200 } });
    expect(s.showGrid).toBe(false);
    // The very result shown before (not made again), and the palette chosen during the tour.
    expect(s.current).toBe(before);
    expect(s.palette).toBe('high-contrast');
    expect(stateHash(s)).toBe(
      'method=mettes&N=7&n=4&seed=3&view=s2&show.grid=0&palette=high-contrast&opt.steps=200',
    );
  });

  it('brings back prototypes read from a file; a tour opened by a link has nothing to go back to', async () => {
    const store = await readyStore();
    const data = Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    showLoadedPrototypes(
      {
        kind: 'parse',
        name: 'mine.npy',
        format: 'npy',
        N: 3,
        n: 3,
        data,
        renormalised: false,
        metrics: separationMetrics({ codebook: createCodebook(3, 3, data) }),
        method: null,
        timeMs: 0,
      },
      store,
    );
    store.getState().goToTourStep(1);
    expect(store.getState().current?.method).not.toBe('file: mine.npy');
    store.getState().returnFromTour();
    expect(store.getState().current?.method).toBe('file: mine.npy');
    expect(Array.from(store.getState().current?.codebook.data ?? [])).toEqual(Array.from(data));

    const linked = await readyStore();
    applyHash(linked, '#tour=3');
    expect(linked.getState().tourCanReturn).toBe(false);
    // Leaving keeps the step's page, with or without somewhere to go back to.
    linked.getState().returnFromTour();
    expect(linked.getState().tourStep).toBe(0);
    expect(linked.getState().request.method).toBe(TOUR_STEPS[2].preset.method);
  });

  it('reads a link to a step as the step, and a full link as it is', async () => {
    const store = await readyStore();
    applyHash(store, '#tour=4&palette=high-contrast');
    expect(store.getState().tourStep).toBe(4);
    expect(store.getState().request.method).toBe('onehot');
    expect(store.getState().palette).toBe('high-contrast');
    expect(store.getState().current?.metrics.maxCosine).toBe(0);
    applyHash(store, '#method=kasarla&N=4&n=3&tour=4');
    expect(store.getState().tourStep).toBe(4);
    expect(store.getState().request.method).toBe('kasarla');
    expect(store.getState().palette).toBe('default');
  });
});
