import type { StoreApi } from 'zustand/vanilla';
import type { LabState } from '../../state/labState.ts';
import { toggleFullscreen } from './fullscreen.ts';
import { CLICK_STEPS, type ShortcutAction } from './shortcuts.ts';

/** The app an element belongs to: what full screen shows, where an embed's keys come from. */
export function appRoot(el: Element | null): Element | null {
  return el?.closest('.app') ?? el;
}

/** What each shortcut does to the lab (the buttons of the presentation bar call the same). */
export function runShortcut(
  action: ShortcutAction,
  store: StoreApi<LabState>,
  root: Element | null,
): void {
  const s = store.getState();
  switch (action) {
    case 'help':
      s.setHelpOpen(!s.helpOpen);
      return;
    case 'tour':
      if (s.tourStep > 0) s.closeTour();
      else s.goToTourStep(1);
      return;
    case 'next':
      if (s.tourStep > 0) s.goToTourStep(s.tourStep + 1);
      else s.stepJob(CLICK_STEPS);
      return;
    case 'previous':
      if (s.tourStep > 0) s.goToTourStep(s.tourStep - 1);
      else s.restartJob(true);
      return;
    case 'first':
      s.goToTourStep(1);
      return;
    case 'last':
      s.goToTourStep(Number.POSITIVE_INFINITY);
      return;
    case 'present':
      s.setPresent(!s.present);
      return;
    case 'fullscreen':
      void toggleFullscreen(root);
      return;
    case 'palette':
      s.cyclePalette();
      return;
    case 'run':
      s.restartJob();
      return;
  }
}
