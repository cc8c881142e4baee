import { type RefObject, useState } from 'react';
import type { CaptureScene } from './capture.tsx';
import { download } from './download.ts';

/** "save PNG" on the 3D view: one frame of the canvas (the HTML labels are not part of it). */
export function SaveSceneButton({
  capture,
  name,
}: {
  readonly capture: RefObject<CaptureScene | null>;
  /** The codebook shown ("method/N/n/seed"), for the file name. */
  readonly name: string;
}) {
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setError(null);
    try {
      const take = capture.current;
      if (!take) throw new Error('the 3D view is not ready');
      const stem = name ? name.replace(/\//g, '-').replace(/[^A-Za-z0-9._-]+/g, '_') : 'view';
      download(await take(), `sphere-${stem}.png`, 'image/png');
    } catch (e) {
      setError(`Could not save the view: ${(e as Error).message}`);
    }
  };
  return (
    <>
      <button
        type="button"
        className="stage-button save-scene"
        data-testid="save-scene-png"
        title="Save the 3D view as a PNG image"
        onClick={save}
      >
        save PNG
      </button>
      {error && (
        <p className="stage-error error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
