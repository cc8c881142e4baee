import { useRef } from 'react';
import { useLab, useLabStore } from '../../state/labContext.ts';
import { PALETTE_IDS, PALETTE_LABELS, type PaletteId } from '../../state/palettes.ts';
import { appRoot, runShortcut } from './actions.ts';
import { useFullscreen } from './fullscreen.ts';
import { HelpOverlay } from './HelpOverlay.tsx';
import type { ShortcutAction } from './shortcuts.ts';
import { useShortcuts } from './useShortcuts.ts';
import './present.css';

/**
 * The top bar's presenting tools: the guided tour, presentation mode, the palette, full screen
 * and the keyboard help. It also installs the keyboard shortcuts for the app it sits in.
 */
export function PresentBar() {
  const store = useLabStore();
  const tourStep = useLab((s) => s.tourStep);
  const present = useLab((s) => s.present);
  const palette = useLab((s) => s.palette);
  const setPalette = useLab((s) => s.setPalette);
  const fullscreen = useFullscreen();
  const bar = useRef<HTMLDivElement>(null);
  useShortcuts(bar);
  const act = (action: ShortcutAction) => runShortcut(action, store, appRoot(bar.current));

  return (
    <>
      <div className="present-bar" ref={bar} role="toolbar" aria-label="Presenting">
        <button
          type="button"
          data-testid="tour-start"
          aria-pressed={tourStep > 0}
          aria-keyshortcuts="T"
          onClick={() => act('tour')}
        >
          {tourStep > 0 ? 'Leave tour' : 'Tour'}
        </button>
        <button
          type="button"
          data-testid="present-toggle"
          aria-pressed={present}
          aria-keyshortcuts="P"
          title="Presentation mode: large type, slower animation"
          onClick={() => act('present')}
        >
          Present
        </button>
        <label className="present-palette">
          <span>Colours</span>
          <select
            data-testid="palette"
            title="Okabe-Ito colours are safe for the common colour-vision deficiencies"
            value={palette}
            aria-keyshortcuts="C"
            onChange={(e) => setPalette(e.target.value as PaletteId)}
          >
            {PALETTE_IDS.map((id) => (
              <option key={id} value={id}>
                {PALETTE_LABELS[id]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          data-testid="fullscreen"
          aria-pressed={fullscreen}
          aria-keyshortcuts="F"
          onClick={() => act('fullscreen')}
        >
          Full screen
        </button>
        <button
          type="button"
          data-testid="help-open"
          aria-label="Keyboard shortcuts"
          aria-keyshortcuts="?"
          title="Keyboard shortcuts (?)"
          onClick={() => act('help')}
        >
          ?
        </button>
      </div>
      <HelpOverlay />
    </>
  );
}
