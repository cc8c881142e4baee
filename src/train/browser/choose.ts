/**
 * Which TensorFlow.js backend trains in the browser. Pure: the worker probes and calibrates
 * (backends.ts), this file decides, so the rule is unit-tested without a browser.
 *
 * The rule: WebGPU first, then WebGL, then CPU; a backend that runs on a real GPU wins at once.
 * When none does (no GPU: WebGPU's adapter is a software fallback such as SwiftShader, WebGL runs
 * on SwiftShader or llvmpipe), the order says nothing about speed, so a short calibration does.
 */

export type BackendName = 'webgpu' | 'webgl' | 'cpu';
export type BackendChoice = 'auto' | BackendName;

/** Preference order when the hardware is equal. */
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'cpu'];
export const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', ...BACKEND_ORDER];

export const BACKEND_LABEL: Readonly<Record<BackendName, string>> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  cpu: 'CPU',
};

/** What the worker found out about one backend. */
export interface BackendProbe {
  readonly name: BackendName;
  readonly available: boolean;
  /** `gpu`: real graphics hardware; `software`: a GPU API emulated on the CPU; `cpu`: plain JS. */
  readonly kind: 'gpu' | 'software' | 'cpu';
  /** Adapter or renderer description, or why the backend is not available. */
  readonly detail: string;
  /** Images a second in the calibration (absent: not calibrated). */
  readonly imagesPerSecond?: number;
}

export interface BackendSelection {
  readonly name: BackendName;
  /** One sentence: why this backend. */
  readonly reason: string;
  readonly probes: readonly BackendProbe[];
  /** True when the probes carry calibration numbers that decided the choice. */
  readonly calibrated: boolean;
  /** What runs the kernels when it is not the backend's own: 'WebAssembly' on the CPU. */
  readonly engine?: string;
}

/**
 * The selection once the CPU's engine has started, or failed to: on the CPU the badge names the
 * engine; without it the probe list and the reason stop promising WebAssembly, which they did
 * while it was only registered.
 */
export function withCpuEngine(
  selection: BackendSelection,
  engine: string | null,
): BackendSelection {
  if (selection.name !== 'cpu') return selection;
  if (engine) return { ...selection, engine };
  return {
    ...selection,
    engine: undefined,
    reason: `${selection.reason}; WebAssembly did not start here, so it trains in plain JavaScript`,
    probes: selection.probes.map((p) =>
      p.name === 'cpu' ? { ...p, detail: 'plain JavaScript (WebAssembly did not start)' } : p,
    ),
  };
}

/** The first backend, in preference order, that runs on a real GPU (null: none). */
export function firstHardware(probes: readonly BackendProbe[]): BackendProbe | null {
  for (const name of BACKEND_ORDER) {
    const p = probes.find((q) => q.name === name);
    if (p?.available && p.kind === 'gpu') return p;
  }
  return null;
}

/**
 * What the CPU runs training on when that is faster than plain JavaScript: 'WebAssembly' where the
 * wasm backend is registered. Several times faster than any GPU emulated in software (headless
 * Chromium: thousands of images a second in fast mode, hundreds with the CNN, against tens), so
 * without a real GPU it is taken without timing anything.
 */
export interface CpuEngine {
  readonly cpuEngine?: string;
}

/** True when `auto` cannot decide without timing the backends. */
export function needsCalibration(
  choice: BackendChoice,
  probes: readonly BackendProbe[],
  { cpuEngine }: CpuEngine = {},
): boolean {
  if (choice !== 'auto') return !probes.some((p) => p.name === choice && p.available);
  if (cpuEngine && probes.some((p) => p.name === 'cpu' && p.available)) return false;
  return firstHardware(probes) === null;
}

const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x.toPrecision(2));

/**
 * Picks the backend. A manual choice is honoured when that backend is available; otherwise the
 * automatic rule applies and the reason says why the choice could not be used.
 */
export function chooseBackend(
  choice: BackendChoice,
  probes: readonly BackendProbe[],
  engine: CpuEngine = {},
): BackendSelection {
  const calibrated = probes.some((p) => p.imagesPerSecond !== undefined);
  if (choice !== 'auto') {
    const wanted = probes.find((p) => p.name === choice);
    if (wanted?.available) {
      return { name: choice, reason: 'chosen by hand', probes, calibrated: false };
    }
    const auto = chooseBackend('auto', probes, engine);
    const why = wanted ? wanted.detail : 'not offered by this browser';
    return {
      ...auto,
      reason: `${BACKEND_LABEL[choice]} is not available here (${why}); ${auto.reason}`,
    };
  }
  const hardware = firstHardware(probes);
  if (hardware) {
    return {
      name: hardware.name,
      reason: `${BACKEND_LABEL[hardware.name]} runs on a GPU (${hardware.detail})`,
      probes,
      calibrated: false,
    };
  }
  const usable = probes.filter((p) => p.available);
  if (engine.cpuEngine && usable.some((p) => p.name === 'cpu')) {
    return {
      name: 'cpu',
      reason: `no GPU found (every GPU backend is emulated in software), and the CPU trains on ${engine.cpuEngine}, faster than an emulated GPU`,
      probes,
      calibrated: false,
    };
  }
  const timed = usable.filter((p) => (p.imagesPerSecond ?? 0) > 0);
  if (timed.length > 0) {
    // Highest rate wins; on a tie the preference order decides.
    const best = [...timed].sort(
      (a, b) =>
        (b.imagesPerSecond ?? 0) - (a.imagesPerSecond ?? 0) ||
        BACKEND_ORDER.indexOf(a.name) - BACKEND_ORDER.indexOf(b.name),
    )[0];
    const rates = timed.map((p) => `${BACKEND_LABEL[p.name]} ${fmt(p.imagesPerSecond ?? 0)}`);
    // A calibration of 0: not one step finished in the time given (e.g. shaders still compiling).
    const stalled = usable.filter((p) => p.imagesPerSecond === 0).map((p) => BACKEND_LABEL[p.name]);
    const note = stalled.length ? `; ${stalled.join(' and ')} did not finish a step in time` : '';
    return {
      name: best.name,
      reason: `no GPU found (every GPU backend is emulated in software), so a short calibration decided: ${rates.join(', ')} images/s${note}`,
      probes,
      calibrated,
    };
  }
  // Not calibrated (or every calibration failed): the preference order, CPU as the last resort.
  const first = BACKEND_ORDER.map((n) => usable.find((p) => p.name === n)).find((p) => p);
  return {
    name: first?.name ?? 'cpu',
    reason: first ? 'first available backend' : 'no other backend is available',
    probes,
    calibrated,
  };
}
