import { type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import { EmbedContext, type EmbedInfo } from '../scene/embedInfo.ts';
import { SphereScene } from '../scene/SphereScene.tsx';
import { Controls } from '../ui/Controls.tsx';
import { RunControls } from '../ui/controls/RunControls.tsx';
import { DataPanel } from '../ui/data/DataPanel.tsx';
import { ExportMenu } from '../ui/export/ExportMenu.tsx';
import type { PanelId } from '../ui/export/embedCode.ts';
import { Notice } from '../ui/Notice.tsx';
import { AnalysisSection } from '../ui/panels/AnalysisSection.tsx';
import { FileLoader } from '../ui/panels/FileLoader.tsx';
import { MetricsPanel } from '../ui/panels/MetricsPanel.tsx';
import { ViewSwitcher } from '../ui/ViewSwitcher.tsx';
import { hideCss } from './hide.ts';
import type { EmbedOptions } from './options.ts';
import './embed.css';

function Panel({ id }: { readonly id: PanelId }) {
  switch (id) {
    case 'scene':
      return (
        <section className="viewport embed-scene" aria-label="Sphere view">
          <div className="viewport-stage">
            <SphereScene />
          </div>
        </section>
      );
    case 'views':
      return <ViewSwitcher />;
    case 'metrics':
      return <MetricsPanel />;
    case 'controls':
      return <Controls />;
    case 'run':
      return <RunControls />;
    case 'file':
      return <FileLoader />;
    case 'data':
      return <DataPanel />;
    case 'analysis':
      return <AnalysisSection />;
    case 'export':
      return <ExportMenu />;
  }
}

/**
 * Whether the user is working in the embed: a press or focus inside it turns it on, a press or
 * focus elsewhere (or the iframe's window losing focus) turns it off.
 */
function useFocusWithin(root: RefObject<HTMLElement | null>): boolean {
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const follow = (e: Event) => setFocused(e.target instanceof Node && el.contains(e.target));
    const leave = () => setFocused(false);
    document.addEventListener('pointerdown', follow, true);
    document.addEventListener('focusin', follow);
    window.addEventListener('blur', leave);
    return () => {
      document.removeEventListener('pointerdown', follow, true);
      document.removeEventListener('focusin', follow);
      window.removeEventListener('blur', leave);
    };
  }, [root]);
  return focused;
}

/**
 * An embedded lab: only the chosen panels, in the order chosen, with the hidden settings'
 * controls hidden. Used by the `?embed` page and by every `<hypersphere-lab>` element (each
 * inside its own store's context, so `scope` tells their style rules apart).
 */
export function EmbedApp({
  options,
  kind,
  scope,
}: {
  readonly options: EmbedOptions;
  readonly kind: EmbedInfo['kind'];
  readonly scope: string;
}) {
  const root = useRef<HTMLDivElement>(null);
  const focused = useFocusWithin(root);
  const info = useMemo<EmbedInfo>(() => ({ embedded: true, kind, focused }), [kind, focused]);
  const css = hideCss(options.hidden, `[data-embed-scope="${scope}"]`);
  return (
    <EmbedContext value={info}>
      <div
        className="embed"
        ref={root}
        data-embed-scope={scope}
        data-testid="embed"
        data-focused={focused}
      >
        {css && <style>{css}</style>}
        <Notice />
        {options.panels.map((id) => (
          <Panel key={id} id={id} />
        ))}
      </div>
    </EmbedContext>
  );
}
