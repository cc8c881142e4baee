import { createContext, useContext } from 'react';

/**
 * Whether this part of the page is embedded (an `?embed` page in an iframe, or a
 * `<hypersphere-lab>` element) and whether the embed has the user's focus. The scene reads it to
 * zoom on the wheel only when focused (an embed must not steal the host page's scrolling);
 * keyboard shortcuts read it to act only inside a focused embed. It lives in scene/, the lowest
 * floor that reads it, so the scene, the UI and embed/ (which provides it) all reach it.
 */
export interface EmbedInfo {
  /** False on the standalone page. */
  readonly embedded: boolean;
  readonly kind: 'page' | 'iframe' | 'element';
  /** True while the user works in the embed (always true on the standalone page). */
  readonly focused: boolean;
}

export const STANDALONE: EmbedInfo = { embedded: false, kind: 'page', focused: true };

export const EmbedContext = createContext<EmbedInfo>(STANDALONE);

export function useEmbed(): EmbedInfo {
  return useContext(EmbedContext);
}
