import { describe, expect, it } from 'vitest';
import { createRandom } from '../../core/math/random.ts';
import {
  applyWhitening,
  CONTRAST_EPS,
  fitPatchStage,
  fitWhitening,
  normaliseContrast,
  samplePatches,
  sphericalKmeans,
  stageFromCentroids,
} from './patchStage.ts';

describe('normaliseContrast', () => {
  it('subtracts the mean and divides by sqrt(variance + 10)', () => {
    const rows = Float64Array.from([1, 2, 3, 4]);
    normaliseContrast(rows, 4);
    // mean 2.5, population variance 1.25.
    const s = Math.sqrt(1.25 + CONTRAST_EPS);
    [-1.5 / s, -0.5 / s, 0.5 / s, 1.5 / s].forEach((v, i) => {
      expect(rows[i]).toBeCloseTo(v, 14);
    });
  });
});

describe('samplePatches', () => {
  it('copies 3-channel windows in [row][column][channel] order from the drawn places', () => {
    const count = 2;
    const pixels = new Uint8Array(count * 3072);
    for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 31) % 251;
    const patches = samplePatches(pixels, count, 3, 5, createRandom(4));
    const rng = createRandom(4);
    for (let s = 0; s < 5; s++) {
      const img = rng.int(count);
      const y0 = rng.int(30);
      const x0 = rng.int(30);
      // Entry (dy=1, dx=2, channel 1) of patch s.
      expect(patches[s * 27 + (1 * 3 + 2) * 3 + 1]).toBe(
        pixels[img * 3072 + 1024 + (y0 + 1) * 32 + x0 + 2],
      );
    }
  });
});

describe('fitWhitening', () => {
  it('with eps 0 makes the covariance the identity', () => {
    const rng = createRandom(2);
    const d = 3;
    const rows = new Float64Array(3000 * d);
    for (let r = 0; r < 3000; r++) {
      const a = rng.normal();
      const b = rng.normal();
      const c = rng.normal();
      rows.set([a + 5, 2 * a + b, a - b + 0.5 * c], r * d);
    }
    const w = fitWhitening(rows, d, 0);
    applyWhitening(rows, d, w);
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) {
        let s = 0;
        for (let r = 0; r < 3000; r++) s += rows[r * d + i] * rows[r * d + j];
        expect(s / 3000).toBeCloseTo(i === j ? 1 : 0, 9);
      }
    }
  });
});

describe('sphericalKmeans', () => {
  it('finds the two axes that noisy data of both signs lies along', () => {
    const rng = createRandom(5);
    const rows = new Float64Array(400 * 2);
    for (let r = 0; r < 400; r++) {
      const sign = r % 4 < 2 ? 1 : -1;
      const axis = r % 2;
      rows[r * 2 + axis] = sign * (1 + 0.05 * rng.normal());
      rows[r * 2 + 1 - axis] = 0.05 * rng.normal();
    }
    const c = sphericalKmeans(rows, 2, 2, 10, createRandom(1));
    const axes = [Math.abs(c[0]) > Math.abs(c[1]) ? 0 : 1, Math.abs(c[2]) > Math.abs(c[3]) ? 0 : 1];
    expect(new Set(axes).size).toBe(2);
    for (let j = 0; j < 2; j++) expect(Math.abs(c[j * 2 + axes[j]])).toBeGreaterThan(0.99);
  });
});

describe('stageFromCentroids', () => {
  it('responds <centroid, W (normalised patch - mean)> through weights, sums and bias', () => {
    const rng = createRandom(8);
    const patch = 2;
    const d = 12;
    const rows = new Float64Array(200 * d);
    for (let i = 0; i < rows.length; i++) rows[i] = 255 * rng.next();
    normaliseContrast(rows, d);
    const whitening = fitWhitening(rows, d);
    const centroids = new Float64Array(3 * d);
    for (let i = 0; i < centroids.length; i++) centroids[i] = rng.normal();
    const stage = stageFromCentroids(centroids, whitening, patch, 3);
    const x = Float64Array.from({ length: d }, () => 255 * rng.next());
    const mean = x.reduce((a, b) => a + b, 0) / d;
    const variance = x.reduce((a, b) => a + b * b, 0) / d - mean * mean;
    const normalised = Float64Array.from(x);
    normaliseContrast(normalised, d);
    applyWhitening(normalised, d, whitening);
    for (let j = 0; j < 3; j++) {
      let wx = 0;
      let expected = 0;
      for (let i = 0; i < d; i++) {
        wx += stage.weights[i * 3 + j] * x[i];
        expected += centroids[j * d + i] * normalised[i];
      }
      const r =
        (wx - mean * stage.weightSums[j]) / Math.sqrt(variance + CONTRAST_EPS) + stage.bias[j];
      expect(r).toBeCloseTo(expected, 3);
    }
  });
});

describe('fitPatchStage', () => {
  it('gives the same filters for the same seed and different ones for another', () => {
    const pixels = new Uint8Array(4 * 3072);
    const rng = createRandom(3);
    for (let i = 0; i < pixels.length; i++) pixels[i] = rng.int(256);
    const options = { patch: 3, filters: 4, samples: 200, iterations: 3, seed: 1 };
    const a = fitPatchStage(pixels, 4, options);
    const b = fitPatchStage(pixels, 4, options);
    const c = fitPatchStage(pixels, 4, { ...options, seed: 2 });
    expect(a.weights.length).toBe(27 * 4);
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    expect(Array.from(a.weights)).not.toEqual(Array.from(c.weights));
  });
});
