import { describe, expect, it } from 'vitest';
import { type BackendProbe, chooseBackend, needsCalibration, withCpuEngine } from './choose.ts';

const probe = (
  name: BackendProbe['name'],
  kind: BackendProbe['kind'],
  imagesPerSecond?: number,
  available = true,
): BackendProbe => ({ name, kind, available, detail: `${name} here`, imagesPerSecond });

describe('choosing a training backend', () => {
  it('takes WebGPU at once on a real GPU, without calibrating', () => {
    const probes = [probe('webgpu', 'gpu'), probe('webgl', 'gpu'), probe('cpu', 'cpu')];
    expect(needsCalibration('auto', probes)).toBe(false);
    const s = chooseBackend('auto', probes);
    expect(s.name).toBe('webgpu');
    expect(s.reason).toMatch(/WebGPU runs on a GPU/);
  });

  it('prefers hardware WebGL over a software WebGPU adapter', () => {
    const probes = [probe('webgpu', 'software'), probe('webgl', 'gpu'), probe('cpu', 'cpu')];
    expect(needsCalibration('auto', probes)).toBe(false);
    expect(chooseBackend('auto', probes).name).toBe('webgl');
  });

  it('takes the CPU without timing when it runs this mode on WebAssembly and no GPU is real', () => {
    const untimed = [probe('webgpu', 'software'), probe('webgl', 'software'), probe('cpu', 'cpu')];
    const engine = { cpuEngine: 'WebAssembly' };
    expect(needsCalibration('auto', untimed, engine)).toBe(false);
    const s = chooseBackend('auto', untimed, engine);
    expect(s).toMatchObject({ name: 'cpu', calibrated: false });
    expect(s.reason).toBe(
      'no GPU found (every GPU backend is emulated in software), and the CPU trains on WebAssembly, faster than an emulated GPU',
    );
    // A real GPU still comes first, and a choice by hand is still honoured.
    const withGpu = [probe('webgpu', 'software'), probe('webgl', 'gpu'), probe('cpu', 'cpu')];
    expect(chooseBackend('auto', withGpu, engine).name).toBe('webgl');
    expect(needsCalibration('webgpu', untimed, engine)).toBe(false);
    expect(chooseBackend('webgpu', untimed, engine).name).toBe('webgpu');
    // Without the CPU the engine is no reason to skip the calibration.
    const noCpu = [
      probe('webgpu', 'software'),
      probe('webgl', 'software'),
      probe('cpu', 'cpu', undefined, false),
    ];
    expect(needsCalibration('auto', noCpu, engine)).toBe(true);
  });

  it('lets a calibration decide when every GPU backend is emulated', () => {
    const untimed = [probe('webgpu', 'software'), probe('webgl', 'software'), probe('cpu', 'cpu')];
    expect(needsCalibration('auto', untimed)).toBe(true);
    const timed = [
      probe('webgpu', 'software', 6),
      probe('webgl', 'software', 24),
      probe('cpu', 'cpu', 11),
    ];
    const s = chooseBackend('auto', timed);
    expect(s.name).toBe('webgl');
    expect(s.calibrated).toBe(true);
    expect(s.reason).toMatch(/no GPU found.*WebGPU 6\.0, WebGL 24, CPU 11 images\/s/);
    // A faster CPU wins over emulated GPUs.
    expect(chooseBackend('auto', [timed[0], timed[1], probe('cpu', 'cpu', 40)]).name).toBe('cpu');
  });

  it('passes over a backend that did not finish a calibration step in time', () => {
    const probes = [
      probe('webgpu', 'software', 0),
      probe('webgl', 'software', 3.4),
      probe('cpu', 'cpu', 3.6),
    ];
    const s = chooseBackend('auto', probes);
    expect(s.name).toBe('cpu');
    expect(s.reason).toMatch(
      /WebGL 3\.4, CPU 3\.6 images\/s; WebGPU did not finish a step in time$/,
    );
  });

  it('breaks a tie by the preference order', () => {
    const probes = [
      probe('webgpu', 'software', 10),
      probe('webgl', 'software', 10),
      probe('cpu', 'cpu', 10),
    ];
    expect(chooseBackend('auto', probes).name).toBe('webgpu');
  });

  it('honours a manual choice, and says why when it cannot', () => {
    const probes = [probe('webgpu', 'gpu'), probe('webgl', 'gpu'), probe('cpu', 'cpu')];
    expect(chooseBackend('cpu', probes)).toMatchObject({ name: 'cpu', reason: 'chosen by hand' });
    const noGpu = [
      { ...probe('webgpu', 'gpu', undefined, false), detail: 'this browser has no WebGPU' },
      probe('webgl', 'gpu'),
      probe('cpu', 'cpu'),
    ];
    const s = chooseBackend('webgpu', noGpu);
    expect(s.name).toBe('webgl');
    expect(s.reason).toMatch(
      /^WebGPU is not available here \(this browser has no WebGPU\); WebGL runs on a GPU/,
    );
  });

  it('falls back to the order, then the CPU, when nothing was timed', () => {
    const probes = [
      probe('webgpu', 'software', undefined, false),
      probe('webgl', 'software'),
      probe('cpu', 'cpu'),
    ];
    expect(chooseBackend('auto', probes).name).toBe('webgl');
    expect(chooseBackend('auto', [probe('cpu', 'cpu', undefined, false)]).name).toBe('cpu');
  });

  it('names the CPU engine once it runs, and stops promising WebAssembly when it did not start', () => {
    const untimed = [probe('webgpu', 'software'), probe('webgl', 'software'), probe('cpu', 'cpu')];
    const chosen = chooseBackend('auto', untimed, { cpuEngine: 'WebAssembly' });
    expect(withCpuEngine(chosen, 'WebAssembly')).toEqual({ ...chosen, engine: 'WebAssembly' });
    const failed = withCpuEngine(chosen, null);
    expect(failed.engine).toBeUndefined();
    expect(failed.reason).toMatch(
      /WebAssembly did not start here, so it trains in plain JavaScript$/,
    );
    expect(failed.probes.find((p) => p.name === 'cpu')?.detail).toBe(
      'plain JavaScript (WebAssembly did not start)',
    );
    expect(failed.probes.filter((p) => p.name !== 'cpu')).toEqual(untimed.slice(0, 2));
    // Another backend is left as it is.
    const gpu = chooseBackend('auto', [probe('webgpu', 'gpu'), probe('cpu', 'cpu')]);
    expect(withCpuEngine(gpu, null)).toBe(gpu);
  });
});
