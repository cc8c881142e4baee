import { describe, expect, it } from 'vitest';
import { TOUR_STEPS } from '../tour/steps.ts';
import { PRESENT_SPEED } from './presentation.ts';
import { createInProcessRunner } from './runner.ts';
import { createLabStore } from './store.ts';
import { applyHash, stateHash } from './urlSync.ts';

async function readyStore() {
  const store = createLabStore(createInProcessRunner());
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
