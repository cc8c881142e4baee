import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inProcessOptimiserJobs } from '../jobs/optimiserClient.ts';
import { fixed } from '../scene/format.ts';
import { createLabStore } from '../state/labStore.ts';
import { methodSettings, SETTINGS } from '../state/settings.ts';
import { parseHash, readSetting } from '../state/urlHash.ts';
import { expandTourLink, tourStepHash } from './link.ts';
import { TOUR_STEPS } from './steps.ts';

/** The talk's slide titles in the order it shows them (the slides the tour tells). */
const TALK_SLIDES = [
  'Hyperspherical Latent Spaces',
  'The Hyperspherical Prototypical Learning Framework',
  'Picking Prototypes',
  'Solving (P)',
  'Warmup: A Convex Relaxation to (P)',
  'Coding-Theoretic Relaxation',
  'Full Characterisation of Solutions to (P)',
  'Connecting Separation to Performance',
  'Relabelling is Important: Empirical Motivation',
];
const TALK = join(import.meta.dirname, '../../../shared/docs/talk-separation-and-labelling.txt');

describe('the tour', () => {
  it('tells the talk in its order, one step per idea of the issue', () => {
    const at = TOUR_STEPS.map((s) => TALK_SLIDES.indexOf(s.slide));
    expect(at.every((i) => i >= 0)).toBe(true);
    for (let k = 1; k < at.length; k++) expect(at[k]).toBeGreaterThanOrEqual(at[k - 1]);
    // Every slide is told.
    expect(new Set(at).size).toBe(TALK_SLIDES.length);
    expect(TOUR_STEPS.map((s) => s.id)).toEqual([
      'normalise',
      'prototypes',
      'problem-p',
      'one-hot',
      'repetition',
      'even-weight',
      'mettes',
      'kasarla',
      'lse',
      'codes',
      'bounds',
      'accuracy',
      'relabelling',
    ]);
  });

  it.skipIf(!existsSync(TALK))('names slides that the talk has, in the talk’s order', () => {
    const talk = readFileSync(TALK, 'utf8');
    let from = 0;
    for (const title of TALK_SLIDES) {
      const i = talk.indexOf(`\n${title}\n`, from);
      expect(i, title).toBeGreaterThan(from);
      from = i;
    }
  });

  it('sets every step from settings.ts: known keys, valid values, nothing replaced', () => {
    for (const step of TOUR_STEPS) {
      const method = String(step.preset.method);
      const known = [...SETTINGS, ...methodSettings(method)];
      for (const [key, value] of Object.entries(step.preset)) {
        const setting = known.find((s) => s.key === key);
        expect(setting, `${step.id}: ${key}`).toBeDefined();
        if (!setting) continue;
        const read = readSetting(
          setting,
          typeof value === 'boolean' ? (value ? '1' : '0') : `${value}`,
        );
        expect(read, `${step.id}: ${key}`).toEqual({ value });
      }
      // The tour keys belong to the page, not to a step.
      for (const key of ['tour', 'present', 'palette', 'speed'])
        expect(step.preset).not.toHaveProperty(key);
    }
  });

  it('writes each step as a link that reads back without a notice', () => {
    TOUR_STEPS.forEach((step, i) => {
      const parsed = parseHash(tourStepHash(i + 1, { present: true, palette: 'okabe-ito' }));
      expect(parsed.notices).toEqual([]);
      expect(parsed.values.tour).toBe(i + 1);
      expect(parsed.values.present).toBe(true);
      expect(parsed.values.palette).toBe('okabe-ito');
      expect(parsed.values.method).toBe(step.preset.method);
      expect(parsed.values.N).toBe(step.preset.N);
      expect(parsed.values.n).toBe(step.preset.n);
    });
    expect(() => tourStepHash(0)).toThrow(RangeError);
    expect(() => tourStepHash(TOUR_STEPS.length + 1)).toThrow(RangeError);
  });

  it('expands a link naming only a step, and leaves a link that says what it shows', () => {
    expect(expandTourLink('#tour=6&present=1')).toBe(
      'present=1&method=rm&N=4&n=3&view=s2&opt.fit=shorten&tour=6',
    );
    expect(expandTourLink('#tour=6&method=kasarla&N=4&n=3')).toBe('#tour=6&method=kasarla&N=4&n=3');
    expect(expandTourLink('#tour=99')).toBe('#tour=99');
    // What the page keeps: presentation, palette, speed and the training panel's settings.
    expect(
      tourStepHash(4, { method: 'lse', N: 12, 'show.grid': false, speed: 5, 'train.epochs': 7 }),
    ).toBe('speed=5&train.epochs=7&method=onehot&N=3&n=3&view=s2&tour=4');
    expect(expandTourLink('#method=lse')).toBe('#method=lse');
  });

  it('shows exactly the numbers its texts quote', async () => {
    const store = createLabStore(inProcessOptimiserJobs());
    await Promise.resolve();
    for (const [i, step] of TOUR_STEPS.entries()) {
      store.getState().goToTourStep(i + 1);
      const s = store.getState();
      expect(s.tourStep).toBe(i + 1);
      expect(s.error, step.id).toBeNull();
      const current = s.current;
      expect(current?.method, step.id).toBe(step.preset.method);
      if (!current) continue;
      const { facts } = step;
      if (facts.maxCosine !== undefined) {
        expect(fixed(current.metrics.maxCosine, 4), step.id).toBe(fixed(facts.maxCosine, 4));
      }
      if (facts.minAngleDeg !== undefined) {
        expect(fixed(current.metrics.minAngleDeg, 2), step.id).toBe(fixed(facts.minAngleDeg, 2));
      }
      if (facts.pair) {
        const [a, b, cosine] = facts.pair;
        const { data, n } = current.codebook;
        let dot = 0;
        for (let c = 0; c < n; c++) dot += data[a * n + c] * data[b * n + c];
        expect(dot, step.id).toBeCloseTo(cosine, 12);
      }
    }
  });

  it('quotes the numbers its facts hold', () => {
    // A fact that the text does not say is not a quote: each must appear in the step's words.
    for (const step of TOUR_STEPS) {
      const words = step.text.join(' ').replaceAll('−', '-');
      const { maxCosine, minAngleDeg } = step.facts;
      if (minAngleDeg !== undefined)
        expect(words, step.id).toContain(`${fixed(minAngleDeg, 2).replace(/\.?0+$/, '')}°`);
      if (maxCosine !== undefined && !Number.isInteger(maxCosine)) {
        expect(words, step.id).toContain(String(maxCosine));
      }
    }
  });
});
