import type { StoreApi } from 'zustand/vanilla';
import { tourStepHash } from '../tour/link.ts';
import { TOUR_STEPS } from '../tour/steps.ts';
import type { LabState, SliceCreator } from './labState.ts';
import { PALETTE_IDS, type PaletteId } from './palettes.ts';
import type { TrainState } from './trainStore.ts';
import { parseHash, serialiseHash } from './urlHash.ts';
import { applyHash, stateHash } from './urlSync.ts';

/**
 * Presenting and teaching: presentation mode (large type, slower animation), the colour palette,
 * the guided tour's step and the keyboard-help overlay. The first three are URL settings
 * (settings.ts: `present`, `palette`, `tour`), so a speaker can link a step as it looks.
 */

/**
 * Optimiser steps per second in presentation mode when the speed was "as fast as possible": the
 * published optimisers' 1000 steps take 5 s, slow enough for an audience to follow.
 */
export const PRESENT_SPEED = 200;

export interface PresentationSlice {
  readonly present: boolean;
  /** Turns presentation mode on or off; on slows an uncapped animation, off restores it. */
  setPresent(on: boolean): void;
  readonly palette: PaletteId;
  setPalette(palette: PaletteId): void;
  /** The next palette in PALETTE_IDS (a shortcut cycles through them). */
  cyclePalette(): void;
  /** The tour step shown (1-based), or 0 when the tour is closed. */
  readonly tourStep: number;
  /** Shows tour step k (clamped to the tour) and sets the state to its preset. */
  goToTourStep(k: number): void;
  /** Closes the tour, keeping what its step shows. */
  closeTour(): void;
  /** Whether the tour was opened from the page (not a link), so there is a page to go back to. */
  readonly tourCanReturn: boolean;
  /**
   * Closes the tour and puts back what was there when it opened: the settings and the very
   * prototypes shown (a finished result is not made again; prototypes read from a file come back
   * too). How the page is presented (presentation mode, palette) stays as it is now.
   */
  returnFromTour(): void;
  readonly helpOpen: boolean;
  setHelpOpen(open: boolean): void;
}

/** `train`: the lab's train store, whose settings a tour step keeps and its return restores. */
export const createPresentationSlice =
  (train?: StoreApi<TrainState>): SliceCreator<PresentationSlice> =>
  (set, get, api) => {
    const settings = () => train?.getState().settings;
    // The speed before presentation mode slowed it (null: presentation mode did not change it).
    let speedBefore: number | null = null;
    // The page when the tour was opened from it (null: opened by a link, or closed).
    let beforeTour: { hash: string; current: LabState['current']; running: boolean } | null = null;
    return {
      present: false,
      setPresent(on) {
        if (on === get().present) return;
        set({ present: on });
        if (on && get().speed === 0) {
          speedBefore = 0;
          get().setSpeed(PRESENT_SPEED);
        } else if (!on && speedBefore !== null) {
          // Only undo our own change: a speed the speaker chose meanwhile stays.
          if (get().speed === PRESENT_SPEED) get().setSpeed(speedBefore);
          speedBefore = null;
        }
      },
      palette: 'default',
      setPalette(palette) {
        set({ palette });
      },
      cyclePalette() {
        const i = PALETTE_IDS.indexOf(get().palette);
        set({ palette: PALETTE_IDS[(i + 1) % PALETTE_IDS.length] });
      },
      tourStep: 0,
      goToTourStep(k) {
        const now = get();
        if (now.tourStep === 0) {
          beforeTour = {
            hash: stateHash(now, settings()),
            current: now.current,
            running: now.job !== null,
          };
          set({ tourCanReturn: true });
        }
        const step = Math.min(TOUR_STEPS.length, Math.max(1, Math.round(k)));
        // The preset goes through the same path as a link, so a step and its link show the same.
        const page = Object.fromEntries(new URLSearchParams(stateHash(get(), settings())));
        applyHash(api, tourStepHash(step, page), train);
      },
      closeTour() {
        beforeTour = null;
        set({ tourStep: 0, tourCanReturn: false });
      },
      tourCanReturn: false,
      returnFromTour() {
        const saved = beforeTour;
        const { present, palette } = get();
        get().closeTour();
        if (!saved) return;
        const { values, params } = parseHash(saved.hash);
        applyHash(api, serialiseHash({ ...values, present, palette }, params), train);
        if (saved.current && !saved.running) {
          // Shown as it was, not made again (a long optimisation, or prototypes from a file).
          if (get().job) get().cancelJob();
          set({ current: saved.current, error: null });
        }
      },
      helpOpen: false,
      setHelpOpen(helpOpen) {
        set({ helpOpen });
      },
    };
  };
