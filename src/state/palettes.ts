/**
 * The palettes one can choose (a URL setting, `palette`): the lab's own colours, Okabe-Ito
 * (safe for the common colour-vision deficiencies) and high contrast. A leaf module, so the
 * settings list and the scene's colours can both read it.
 */
export type PaletteId = 'default' | 'okabe-ito' | 'high-contrast';

export const PALETTE_IDS: readonly PaletteId[] = ['default', 'okabe-ito', 'high-contrast'];

export const PALETTE_LABELS: Readonly<Record<PaletteId, string>> = {
  default: 'Lab',
  'okabe-ito': 'Colour-blind safe',
  'high-contrast': 'High contrast',
};
