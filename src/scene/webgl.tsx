/** Whether this browser can give a WebGL2 context (the 3D views need one). */
export function hasWebGL2(): boolean {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    if (!gl) return false;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return true;
  } catch {
    return false;
  }
}

/** Shown instead of a blank canvas where WebGL2 is missing. */
export function WebGLMissing() {
  return (
    <div className="stage webgl-missing" data-testid="scene">
      <div className="webgl-message" role="alert" data-testid="webgl-missing">
        <h2>3D view unavailable: this browser has no WebGL2</h2>
        <p>
          The sphere views draw with WebGL2, which this browser (or its settings) does not provide.
          Hardware acceleration may be switched off, or the graphics driver is blocked.
        </p>
        <p>
          Everything else still works: the controls, the separation numbers and the panels on the
          left. To see the prototypes in 3D, use a current Chrome, Edge, Firefox or Safari with
          hardware acceleration on.
        </p>
      </div>
    </div>
  );
}
