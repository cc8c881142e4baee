import { useSyncExternalStore } from 'react';

/**
 * The Fullscreen API around the app's root element (the page's, or an embed's own, so an
 * embedded lab fills the screen without its host page).
 */

export function isFullscreen(): boolean {
  return typeof document !== 'undefined' && document.fullscreenElement != null;
}

/** Enters or leaves full screen. Refusals (an iframe without `allow="fullscreen"`) are ignored. */
export async function toggleFullscreen(root: Element | null): Promise<void> {
  try {
    if (document.fullscreenElement) await document.exitFullscreen();
    else await root?.requestFullscreen?.();
  } catch {
    // Not allowed here: the button simply does nothing, as the browser decided.
  }
}

function subscribe(onChange: () => void): () => void {
  document.addEventListener('fullscreenchange', onChange);
  return () => document.removeEventListener('fullscreenchange', onChange);
}

/** Whether the page is in full screen now (re-renders on every change). */
export function useFullscreen(): boolean {
  return useSyncExternalStore(subscribe, isFullscreen, () => false);
}
