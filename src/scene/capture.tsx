import { useThree } from '@react-three/fiber';
import { type RefObject, useEffect } from 'react';

/** Takes a PNG of the 3D view as it is now. */
export type CaptureScene = () => Promise<Blob>;

/**
 * Fills `target` with a function that draws one frame and reads it back at once. The canvas
 * keeps no drawing buffer between frames (cheaper), so the frame must be drawn and read in the
 * same task; toBlob copies the pixels when it is called.
 */
export function SceneCapture({ target }: { readonly target: RefObject<CaptureScene | null> }) {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const camera = useThree((s) => s.camera);
  useEffect(() => {
    target.current = () =>
      new Promise<Blob>((resolve, reject) => {
        gl.render(scene, camera);
        gl.domElement.toBlob(
          (blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no image'))),
          'image/png',
        );
      });
    return () => {
      target.current = null;
    };
  }, [gl, scene, camera, target]);
  return null;
}
