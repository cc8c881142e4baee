import type * as TF from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../core/math/random.ts';
import { loadNodeTf } from '../node/nodeTf.ts';
import { switchCpuToWasm } from '../wasmOnCpu.ts';
import {
  checkFeatureOptions,
  extractFeatures,
  type FeatureOptions,
  fitStandardiser,
  patchRows,
  responseSide,
  standardise,
} from './fastFeatures.ts';
import { CONTRAST_EPS, type PatchStage } from './patchStage.ts';

let tf: typeof TF;
// Loading tfjs takes seconds on a busy machine.
beforeAll(async () => {
  tf = await loadNodeTf();
}, 120_000);

const OPTIONS: FeatureOptions = {
  patch: 6,
  filters: 2,
  samples: 0,
  iterations: 0,
  stride: 2,
  alpha: 0.25,
  grid: 2,
  chunk: 2,
  flips: false,
};

/** The features by direct loops over positions, in float64. */
function direct(stage: PatchStage, pixels: Uint8Array, image: number): number[] {
  const { patch, filters } = stage;
  const d = patch * patch * 3;
  const side = responseSide(patch, OPTIONS.stride);
  const cell = side / OPTIONS.grid;
  const out = new Array(OPTIONS.grid * OPTIONS.grid * 2 * filters).fill(0);
  for (let py = 0; py < side; py++) {
    for (let px = 0; px < side; px++) {
      const x: number[] = [];
      for (let dy = 0; dy < patch; dy++)
        for (let dx = 0; dx < patch; dx++)
          for (let c = 0; c < 3; c++)
            x.push(pixels[image * 3072 + c * 1024 + (py * 2 + dy) * 32 + px * 2 + dx]);
      const mean = x.reduce((a, b) => a + b, 0) / d;
      const variance = x.reduce((a, b) => a + b * b, 0) / d - mean * mean;
      const cellIndex = Math.floor(py / cell) * OPTIONS.grid + Math.floor(px / cell);
      for (let j = 0; j < filters; j++) {
        let wx = 0;
        for (let i = 0; i < d; i++) wx += stage.weights[i * filters + j] * x[i];
        const r =
          (wx - mean * stage.weightSums[j]) / Math.sqrt(variance + CONTRAST_EPS) + stage.bias[j];
        // Layout [cell row][cell column][channel]: positive parts, then negative parts.
        out[cellIndex * 2 * filters + j] += Math.max(0, r - OPTIONS.alpha) / (cell * cell);
        out[cellIndex * 2 * filters + filters + j] +=
          Math.max(0, -r - OPTIONS.alpha) / (cell * cell);
      }
    }
  }
  return out;
}

/** Extracts features of 3 random images and compares them with direct(). */
async function checkAgainstDirect(): Promise<void> {
  const rng = createRandom(11);
  const count = 3;
  const pixels = new Uint8Array(count * 3072);
  for (let i = 0; i < pixels.length; i++) pixels[i] = rng.int(256);
  const d = 108;
  const weights = Float32Array.from({ length: d * 2 }, () => 0.1 * rng.normal());
  const weightSums = new Float32Array(2);
  for (let i = 0; i < d; i++) for (let j = 0; j < 2; j++) weightSums[j] += weights[i * 2 + j];
  const stage: PatchStage = {
    patch: 6,
    filters: 2,
    weights,
    weightSums,
    bias: Float32Array.from([0.3, -0.2]),
  };
  const before = tf.memory().numTensors;
  const done: number[] = [];
  const features = await extractFeatures(tf, stage, OPTIONS, pixels, count, (n) => done.push(n));
  expect(tf.memory().numTensors).toBe(before);
  expect(done).toEqual([2, 3]);
  expect(features?.length).toBe(count * 16);
  for (let image = 0; image < count; image++) {
    const expected = direct(stage, pixels, image);
    expected.forEach((v, i) => {
      expect(features?.[image * 16 + i]).toBeCloseTo(v, 3);
    });
  }
}

describe('extractFeatures', { timeout: 120_000 }, () => {
  it('matches a direct computation of the encoded, pooled responses', async () => {
    expect(tf.getBackend()).toBe('cpu');
    await checkAgainstDirect();
  });

  it('matches it on the WebAssembly backend, where the encoding runs as tfjs ops', async () => {
    expect(await switchCpuToWasm(tf)).toBe(true);
    try {
      expect(tf.getBackend()).toBe('wasm');
      await checkAgainstDirect();
    } finally {
      await tf.setBackend('cpu');
    }
    expect(tf.getBackend()).toBe('cpu');
  });

  it('returns null when asked to stop', async () => {
    const stage: PatchStage = {
      patch: 6,
      filters: 2,
      weights: new Float32Array(216),
      weightSums: new Float32Array(2),
      bias: new Float32Array(2),
    };
    const before = tf.memory().numTensors;
    const out = await extractFeatures(
      tf,
      stage,
      OPTIONS,
      new Uint8Array(3072),
      1,
      undefined,
      () => true,
    );
    expect(out).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
  });
});

/** patchRows the plain way: every value read from the CHW image, sums over every patch. */
function patchRowsDirect(
  pixels: Uint8Array,
  image: number,
  patch: number,
  stride: number,
  flip: boolean,
) {
  const side = responseSide(patch, stride);
  const rows: number[] = [];
  const means: number[] = [];
  const meanSquares: number[] = [];
  for (let py = 0; py < side; py++) {
    for (let px = 0; px < side; px++) {
      let sum = 0;
      let sq = 0;
      for (let dy = 0; dy < patch; dy++) {
        for (let dx = 0; dx < patch; dx++) {
          const x = px * stride + dx;
          for (let c = 0; c < 3; c++) {
            const v =
              pixels[image * 3072 + c * 1024 + (py * stride + dy) * 32 + (flip ? 31 - x : x)];
            rows.push(v);
            sum += v;
            sq += v * v;
          }
        }
      }
      means.push(Math.fround(sum / (patch * patch * 3)));
      meanSquares.push(Math.fround(sq / (patch * patch * 3)));
    }
  }
  return { rows, means, meanSquares };
}

describe('patchRows', () => {
  it('equals the plain computation for random images, patch sizes, strides and mirroring', () => {
    const rng = createRandom(5);
    const pixels = new Uint8Array(3 * 3072);
    for (let i = 0; i < pixels.length; i++) pixels[i] = rng.int(256);
    for (const [patch, stride] of [
      [6, 2],
      [5, 3],
      [4, 4],
    ]) {
      // Reused buffers (longer than needed, dirty from the last round) give the same rows.
      const positions = 3 * responseSide(patch, stride) ** 2;
      const scratch = {
        rows: new Float32Array(positions * patch * patch * 3).fill(-1),
        means: new Float32Array(positions).fill(-1),
        meanSquares: new Float32Array(positions).fill(-1),
      };
      for (const [flip, into] of [
        [false, undefined],
        [true, undefined],
        [false, scratch],
        [true, scratch],
      ] as const) {
        const got = patchRows(pixels, 1, 3, patch, stride, flip, into);
        const per = responseSide(patch, stride) ** 2;
        for (const image of [1, 2]) {
          const want = patchRowsDirect(pixels, image, patch, stride, flip);
          const d = patch * patch * 3;
          const o = (image - 1) * per;
          expect(Array.from(got.rows.subarray(o * d, (o + per) * d))).toEqual(want.rows);
          expect(Array.from(got.means.subarray(o, o + per))).toEqual(want.means);
          expect(Array.from(got.meanSquares.subarray(o, o + per))).toEqual(want.meanSquares);
        }
      }
    }
  });

  it('reads patches at the stride, mirrored when asked, with their mean and mean square', () => {
    const pixels = new Uint8Array(3072);
    for (let p = 0; p < 1024; p++) {
      pixels[p] = p % 32; // red = column
      pixels[1024 + p] = Math.floor(p / 32); // green = row
      pixels[2048 + p] = 7; // blue constant
    }
    const plain = patchRows(pixels, 0, 1, 6, 2);
    // 14 x 14 positions of 108 numbers; position (1, 2) starts at row 2, column 4.
    expect(plain.rows.length).toBe(196 * 108);
    const at = (1 * 14 + 2) * 108;
    expect(Array.from(plain.rows.subarray(at, at + 6))).toEqual([4, 2, 7, 5, 2, 7]);
    const mirrored = patchRows(pixels, 0, 1, 6, 2, true);
    // Mirrored: column x reads column 31 - x.
    expect(Array.from(mirrored.rows.subarray(at, at + 6))).toEqual([27, 2, 7, 26, 2, 7]);
    // Position (0, 0): red 0..5 in each of 6 rows, green 0..5 along 6 columns, blue 7.
    const values = [0, 1, 2, 3, 4, 5];
    const sum = 2 * 6 * values.reduce((a, b) => a + b, 0) + 36 * 7;
    const sq = 2 * 6 * values.reduce((a, b) => a + b * b, 0) + 36 * 49;
    expect(plain.means[0]).toBeCloseTo(sum / 108, 5);
    expect(plain.meanSquares[0]).toBeCloseTo(sq / 108, 4);
  });
});

describe('checkFeatureOptions', { timeout: 120_000 }, () => {
  it('rejects a grid that does not divide the response map', () => {
    expect(() => checkFeatureOptions({ ...OPTIONS, grid: 3 })).toThrow(
      /gives a 14 x 14 map, which a 3 x 3 grid does not divide/,
    );
  });
});

describe('fitStandardiser / standardise', { timeout: 120_000 }, () => {
  it('gives each feature zero mean and unit variance; a constant one becomes 0', () => {
    const rows = Float32Array.from([1, 5, 3, 5]);
    const s = fitStandardiser(rows, 2);
    expect(Array.from(s.mean)).toEqual([2, 5]);
    expect(Array.from(s.scale)).toEqual([1, 0]);
    standardise(rows, 2, s);
    expect(Array.from(rows)).toEqual([-1, 0, 1, 0]);
  });
});
