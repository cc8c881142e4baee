import { afterEach, describe, expect, it } from 'vitest';
import {
  activePalette,
  contrastRatio,
  paletteColor,
  prototypeColor,
  prototypeRgb,
  prototypeTextColor,
  readableOn,
  setActivePalette,
  wColours,
} from './palette.ts';

afterEach(() => setActivePalette('default'));

describe('palettes', () => {
  it('keeps the lab colours by default', () => {
    expect(activePalette()).toBe('default');
    expect([0, 1, 2, 3].map(prototypeColor)).toEqual(['#ff5f57', '#ffbd2e', '#3ddc97', '#4cc9f0']);
  });

  it('draws Okabe-Ito colours (white for their black), repeating after eight', () => {
    setActivePalette('okabe-ito');
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(prototypeColor)).toEqual([
      '#e69f00',
      '#56b4e9',
      '#009e73',
      '#f0e442',
      '#0072b2',
      '#d55e00',
      '#cc79a7',
      '#ffffff',
    ]);
    expect(prototypeColor(8)).toBe('#e69f00');
    expect(wColours()).toEqual({ low: '#56b4e9', mid: '#e6ebf8', high: '#e69f00' });
  });

  it('recolours the scene when the palette changes (no stale cached colour)', () => {
    const before = prototypeRgb(0);
    setActivePalette('high-contrast');
    expect(prototypeRgb(0)).toEqual([1, 1, 1]);
    setActivePalette('default');
    expect(prototypeRgb(0)).toEqual(before);
  });

  it('gives every label colour at least 4.5:1 on the scene, keeping its hue', () => {
    for (const palette of ['default', 'okabe-ito', 'high-contrast'] as const) {
      setActivePalette(palette);
      for (let i = 0; i < 40; i++) {
        expect(contrastRatio(prototypeTextColor(i), '#0a0e17')).toBeGreaterThanOrEqual(4.5);
      }
    }
    // Okabe-Ito's blue (3.72:1) is lightened; colours that pass already stay as they are.
    expect(contrastRatio('#0072b2', '#0a0e17')).toBeCloseTo(3.72, 2);
    expect(readableOn('#0072b2', '#0a0e17')).not.toBe('#0072b2');
    expect(readableOn('#e69f00', '#0a0e17')).toBe('#e69f00');
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 10);
  });

  it('names a palette colour without changing the active palette', () => {
    expect(paletteColor('okabe-ito', 1)).toBe('#56b4e9');
    expect(activePalette()).toBe('default');
  });
});
