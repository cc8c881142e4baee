/**
 * Without data, the training panel offers the way to it in one click: the Data panel scrolls into
 * view with its file picker focused, and once a load has made a subset the page comes back here.
 * Both panels are found from this lab's own root (a page, or an element's shadow root). The
 * jumps are instant, which also suits reduced motion.
 */
import { type RefObject, useEffect, useRef } from 'react';
import { useData } from '../../state/labContext.ts';

export function GoToData({ panel }: { readonly panel: RefObject<HTMLElement | null> }) {
  const subset = useData((s) => s.subset);
  const asked = useRef(false);
  useEffect(() => {
    if (!subset || !asked.current) return;
    asked.current = false;
    // At once, not smoothly: the Data panel grows as its previews draw, which stops a smooth scroll.
    panel.current?.scrollIntoView({ block: 'start' });
  }, [subset, panel]);
  const go = () => {
    const root = panel.current?.getRootNode() as Document | ShadowRoot | undefined;
    const data = root?.querySelector<HTMLElement>('.data-panel');
    if (!data) return;
    asked.current = true;
    data.scrollIntoView({ block: 'start' });
    data.querySelector<HTMLElement>('input[type="file"]')?.focus({ preventScroll: true });
  };
  if (subset) return null;
  return (
    <button type="button" className="go-to-data" data-testid="go-to-data" onClick={go}>
      Load data in the Data panel
    </button>
  );
}
