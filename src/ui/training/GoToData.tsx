/**
 * Without data, the training panel offers the way to it in one click: the Data panel scrolls into
 * view with its file picker focused, and once a load has made a subset the page comes back here.
 * Both panels are found from this lab's own root (a page, or an element's shadow root).
 */
import { type RefObject, useEffect, useRef } from 'react';
import { useData } from '../../state/labContext.ts';

const motion = (): ScrollBehavior =>
  window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';

export function GoToData({ panel }: { readonly panel: RefObject<HTMLElement | null> }) {
  const subset = useData((s) => s.subset);
  const asked = useRef(false);
  useEffect(() => {
    if (!subset || !asked.current) return;
    asked.current = false;
    panel.current?.scrollIntoView({ behavior: motion(), block: 'start' });
  }, [subset, panel]);
  const go = () => {
    const root = panel.current?.getRootNode() as Document | ShadowRoot | undefined;
    const data = root?.querySelector<HTMLElement>('.data-panel');
    if (!data) return;
    asked.current = true;
    data.scrollIntoView({ behavior: motion(), block: 'start' });
    data.querySelector<HTMLElement>('input[type="file"]')?.focus({ preventScroll: true });
  };
  if (subset) return null;
  return (
    <button type="button" className="go-to-data" data-testid="go-to-data" onClick={go}>
      Load data in the Data panel
    </button>
  );
}
