import { type RefObject, useEffect } from 'react';
import { useEmbed } from '../../scene/embedInfo.ts';
import { useLabStore } from '../../state/labContext.ts';
import { appRoot, runShortcut } from './actions.ts';
import { type KeyTarget, shortcutFor } from './shortcuts.ts';

function keyTarget(el: EventTarget | undefined): KeyTarget | null {
  if (!(el instanceof Element)) return null;
  return {
    tagName: el.tagName,
    type: el instanceof HTMLInputElement ? el.type : undefined,
    role: el.getAttribute('role'),
    isContentEditable: el instanceof HTMLElement && el.isContentEditable,
  };
}

/**
 * Listens for the shortcuts of shortcuts.ts (`inside`: an element of the app they act on). On the standalone page they act anywhere; an
 * embedded lab acts only while it has the focus and the key comes from inside it, so a host
 * page's keys (and its scrolling) stay the host's.
 */
export function useShortcuts(inside: RefObject<Element | null>): void {
  const store = useLabStore();
  const embed = useEmbed();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const path = e.composedPath();
      const root = appRoot(inside.current);
      if (embed.embedded && (!embed.focused || !root || !path.includes(root))) return;
      const s = store.getState();
      const action = shortcutFor(
        {
          key: e.key,
          ctrlKey: e.ctrlKey,
          metaKey: e.metaKey,
          altKey: e.altKey,
          target: keyTarget(path[0]),
        },
        { tour: s.tourStep > 0, present: s.present, helpOpen: s.helpOpen },
      );
      if (!action) return;
      e.preventDefault();
      runShortcut(action, store, root);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, embed, inside]);
}
