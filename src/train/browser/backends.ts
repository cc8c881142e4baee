/**
 * Probing, calibrating, activating and watching TensorFlow.js backends inside the training
 * worker. The tfjs namespace is passed in (the worker imports it), so this file never pulls
 * tfjs into the page's own bundle.
 */
import type * as TF from '@tensorflow/tfjs-core';
import {
  type BackendChoice,
  type BackendName,
  type BackendProbe,
  type BackendSelection,
  type CpuEngine,
  chooseBackend,
  needsCalibration,
} from './choose.ts';

type Tf = typeof TF;

// Just the WebGPU surface used here (the DOM lib of this TypeScript may not declare WebGPU).
interface GpuAdapterInfoLike {
  readonly vendor?: string;
  readonly architecture?: string;
  readonly description?: string;
  readonly isFallbackAdapter?: boolean;
}
interface GpuAdapterLike {
  readonly info?: GpuAdapterInfoLike;
  readonly isFallbackAdapter?: boolean;
}
interface GpuDeviceLike {
  readonly lost: Promise<{ readonly reason?: string; readonly message?: string }>;
  destroy(): void;
}
interface GpuLike {
  requestAdapter(): Promise<GpuAdapterLike | null>;
}

/** Raised when the GPU device or WebGL context under the running backend goes away. */
export class DeviceLostError extends Error {
  constructor(
    readonly backend: BackendName,
    detail: string,
  ) {
    super(detail);
    this.name = 'DeviceLostError';
  }
}

/** Time each backend gets in the calibration, shader compiles included. */
const CALIBRATION_MS = 4000;

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render|lavapipe/i;

async function probeWebGpu(tf: Tf): Promise<BackendProbe> {
  const base = { name: 'webgpu' as const, kind: 'gpu' as const };
  const gpu = (navigator as unknown as { gpu?: GpuLike }).gpu;
  if (!gpu) return { ...base, available: false, detail: 'this browser has no WebGPU' };
  if (!tf.findBackendFactory('webgpu')) {
    return { ...base, available: false, detail: 'the WebGPU backend is not loaded' };
  }
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return { ...base, available: false, detail: 'no WebGPU adapter' };
    const info = adapter.info ?? {};
    const fallback = info.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false;
    const name = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ');
    return {
      ...base,
      available: true,
      kind: fallback ? 'software' : 'gpu',
      detail: fallback
        ? `software fallback adapter${name ? `: ${name}` : ''}`
        : name || 'GPU adapter',
    };
  } catch (e) {
    return { ...base, available: false, detail: `WebGPU failed: ${(e as Error).message}` };
  }
}

function probeWebGl(tf: Tf): BackendProbe {
  const base = { name: 'webgl' as const, kind: 'gpu' as const };
  if (!tf.findBackendFactory('webgl')) {
    return { ...base, available: false, detail: 'the WebGL backend is not loaded' };
  }
  try {
    const canvas =
      typeof OffscreenCanvas !== 'undefined'
        ? new OffscreenCanvas(1, 1)
        : document.createElement('canvas');
    const gl = canvas.getContext('webgl2') as WebGL2RenderingContext | null;
    if (!gl) return { ...base, available: false, detail: 'no WebGL2 context' };
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(
      gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? 'WebGL2',
    );
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    const software = SOFTWARE_RENDERER.test(renderer);
    return { ...base, available: true, kind: software ? 'software' : 'gpu', detail: renderer };
  } catch (e) {
    return { ...base, available: false, detail: `WebGL failed: ${(e as Error).message}` };
  }
}

/** What each backend is here, in preference order (no timing yet). */
export async function probeBackends(tf: Tf): Promise<BackendProbe[]> {
  const cpu: BackendProbe = {
    name: 'cpu',
    available: tf.findBackendFactory('cpu') !== null,
    kind: 'cpu',
    // The training worker trains on WebAssembly when it lands on the CPU (train/wasmOnCpu.ts).
    detail: tf.findBackendFactory('wasm') !== null ? 'WebAssembly (SIMD)' : 'plain JavaScript',
  };
  return [await probeWebGpu(tf), probeWebGl(tf), cpu];
}

/** Makes `name` the active backend; false when it cannot start. */
export async function activate(tf: Tf, name: BackendName): Promise<boolean> {
  if (name === 'webgl') {
    // tfjs refuses a WebGL context with a "major performance caveat" (software rendering)
    // unless told otherwise; here software WebGL is often the fastest choice there is.
    tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
  }
  const ok = await tf.setBackend(name);
  await tf.ready();
  return ok && tf.getBackend() === name;
}

/** Images in one calibration batch. */
const CALIBRATION_BATCH = 32;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Images a second of a small stand-in for training (a 3x3 convolution with its gradient and a
 * dense layer, on 32x32x3 images), counting the first run too: a backend that spends seconds
 * compiling shaders costs the student those seconds as well. Gives up after `budgetMs` even in
 * the middle of a step (0: not one step finished; the step goes on unobserved, then is freed).
 */
export async function calibrate(tf: Tf, name: BackendName, budgetMs: number): Promise<number> {
  if (!(await activate(tf, name))) return 0;
  const x = tf.randomUniform([CALIBRATION_BATCH, 32, 32, 3], 0, 1, 'float32', 1) as TF.Tensor4D;
  const w = tf.variable(tf.randomNormal([3, 3, 3, 16], 0, 0.1, 'float32', 2) as TF.Tensor4D);
  const d = tf.variable(tf.randomNormal([16 * 16 * 16, 64], 0, 0.05, 'float32', 3));
  const loss = (): TF.Scalar =>
    tf.tidy(() => {
      const h = tf.avgPool(tf.relu(tf.conv2d(x, w, 1, 'same')), 2, 2, 'valid');
      return tf.mean(tf.square(tf.matMul(tf.reshape(h, [CALIBRATION_BATCH, -1]), d))) as TF.Scalar;
    });
  const step = async () => {
    const { value, grads } = tf.variableGrads(loss, [w, d]);
    try {
      await value.data();
    } finally {
      tf.dispose([value, ...Object.values(grads)]);
    }
  };
  const start = performance.now();
  let runs = 0;
  let pending: Promise<void> = Promise.resolve();
  try {
    while (runs < 6) {
      const left = budgetMs - (performance.now() - start);
      if (left <= 0) break;
      pending = step();
      if (!(await Promise.race([pending.then(() => true), sleep(left).then(() => false)]))) break;
      runs += 1;
    }
  } finally {
    // Freed when the last step is done, even if nobody waits for it any more.
    void pending.finally(() => tf.dispose([x, w, d]));
  }
  return (runs * CALIBRATION_BATCH * 1000) / (performance.now() - start);
}

/**
 * Probes the backends, times them when the rule needs it (or reuses `known` numbers from an
 * earlier run), and activates the choice. A backend that fails to start is marked unavailable
 * and the next one is tried.
 */
export async function selectBackend(
  tf: Tf,
  choice: BackendChoice,
  options: {
    readonly known?: readonly BackendProbe[];
    readonly budgetMs?: number;
    readonly onStatus?: (text: string) => void;
  } & CpuEngine = {},
): Promise<BackendSelection> {
  let probes = await probeBackends(tf);
  const known = options.known ?? [];
  probes = probes.map((p) => {
    const k = known.find((q) => q.name === p.name && q.imagesPerSecond !== undefined);
    return p.available && k ? { ...p, imagesPerSecond: k.imagesPerSecond } : p;
  });
  const untimed = probes.some((p) => p.available && p.imagesPerSecond === undefined);
  if (needsCalibration(choice, probes, options) && untimed) {
    const timed: BackendProbe[] = [];
    // Cheapest first, so the student sees numbers soon; WebGPU compiles shaders on first use.
    for (const p of [...probes].reverse()) {
      if (!p.available || p.imagesPerSecond !== undefined) {
        timed.unshift(p);
        continue;
      }
      options.onStatus?.(`Timing ${p.name} (a few seconds)…`);
      try {
        timed.unshift({
          ...p,
          imagesPerSecond: await calibrate(tf, p.name, options.budgetMs ?? CALIBRATION_MS),
        });
      } catch (e) {
        timed.unshift({ ...p, available: false, detail: `failed: ${(e as Error).message}` });
      }
    }
    probes = timed;
  }
  for (;;) {
    const selection = chooseBackend(choice, probes, options);
    if (await activate(tf, selection.name).catch(() => false)) return selection;
    if (selection.name === 'cpu' && !probes.some((p) => p.available && p.name !== 'cpu')) {
      throw new Error('no TensorFlow.js backend could start, not even the CPU one');
    }
    probes = probes.map((p) =>
      p.name === selection.name ? { ...p, available: false, detail: 'could not start' } : p,
    );
  }
}

/** The GPU device of the active WebGPU backend, or the canvas of the WebGL one. */
function deviceOf(tf: Tf, name: BackendName): GpuDeviceLike | EventTarget | null {
  const backend = tf.findBackend(name) as unknown as {
    device?: GpuDeviceLike;
    gpgpu?: { gl?: { canvas?: EventTarget } };
  } | null;
  if (!backend) return null;
  if (name === 'webgpu') return backend.device ?? null;
  if (name === 'webgl') return backend.gpgpu?.gl?.canvas ?? null;
  return null;
}

/**
 * Calls `onLost` once if the device under `name` is lost (GPUDevice.lost, webglcontextlost);
 * returns a function that stops watching. The CPU backend cannot be lost.
 */
export function watchDeviceLoss(
  tf: Tf,
  name: BackendName,
  onLost: (error: DeviceLostError) => void,
): () => void {
  const device = deviceOf(tf, name);
  let active = true;
  if (device && 'lost' in device) {
    void device.lost.then((info) => {
      if (active)
        onLost(new DeviceLostError(name, info.message || info.reason || 'the GPU device was lost'));
    });
  } else if (device && 'addEventListener' in device) {
    const listener = () => {
      if (active) onLost(new DeviceLostError(name, 'the WebGL context was lost'));
    };
    device.addEventListener('webglcontextlost', listener);
    return () => {
      active = false;
      device.removeEventListener('webglcontextlost', listener);
    };
  }
  return () => {
    active = false;
  };
}

/**
 * Loses the device on purpose (WebGPU: destroy; WebGL: WEBGL_lose_context), so tests and
 * curious students can see how a lost GPU is handled. False when there is nothing to lose.
 */
export function loseDevice(tf: Tf, name: BackendName): boolean {
  const backend = tf.findBackend(name) as unknown as {
    device?: GpuDeviceLike;
    gpgpu?: { gl?: WebGL2RenderingContext };
  } | null;
  if (name === 'webgpu' && backend?.device) {
    backend.device.destroy();
    return true;
  }
  const lose = name === 'webgl' ? backend?.gpgpu?.gl?.getExtension('WEBGL_lose_context') : null;
  if (lose) {
    lose.loseContext();
    return true;
  }
  return false;
}
