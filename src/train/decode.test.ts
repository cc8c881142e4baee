import { describe, expect, it } from 'vitest';
import { nearestPrototype, scorePredictions } from './decode.ts';

// Prototypes e1, e2, -e1 in R^2.
const PROTOS = Float64Array.from([1, 0, 0, 1, -1, 0]);

describe('nearestPrototype', () => {
  it('picks the class whose prototype has the largest inner product', () => {
    const z = Float32Array.from([0.8, 0.6, -0.6, 0.8, -1, 0, 0.6, -0.8]);
    const identity = Int32Array.from([0, 1, 2]);
    // (0.8, 0.6): scores 0.8, 0.6, -0.8 -> 0; (-0.6, 0.8): -0.6, 0.8, 0.6 -> 1;
    // (-1, 0): -1, 0, 1 -> 2; (0.6, -0.8): 0.6, -0.8, -0.6 -> 0.
    expect(Array.from(nearestPrototype(z, 4, 2, PROTOS, identity))).toEqual([0, 1, 2, 0]);
  });

  it('decodes through the assignment: class k owns prototype assignment[k]', () => {
    const z = Float32Array.from([0.8, 0.6, -1, 0]);
    // Class 0 -> prototype 2 (-e1), class 1 -> prototype 0 (e1), class 2 -> prototype 1 (e2).
    const assignment = Int32Array.from([2, 0, 1]);
    expect(Array.from(nearestPrototype(z, 2, 2, PROTOS, assignment))).toEqual([1, 0]);
  });

  it('breaks an exact tie towards the lower class', () => {
    const z = Float32Array.from([Math.SQRT1_2, Math.SQRT1_2]);
    expect(Array.from(nearestPrototype(z, 1, 2, PROTOS, Int32Array.from([0, 1, 2])))).toEqual([0]);
  });
});

describe('scorePredictions', () => {
  it('counts accuracy, per-class accuracy and the confusion matrix', () => {
    const labels = Uint8Array.from([0, 0, 1, 1, 1, 2]);
    const predictions = Int32Array.from([0, 1, 1, 1, 2, 0]);
    const s = scorePredictions(labels, predictions, 3);
    expect(s.accuracy).toBe(3 / 6);
    expect(s.perClassAccuracy).toEqual([1 / 2, 2 / 3, 0]);
    expect(Array.from(s.confusion)).toEqual([1, 1, 0, 0, 2, 1, 1, 0, 0]);
  });

  it('gives 0 to a class with no images', () => {
    const s = scorePredictions(Uint8Array.from([0]), Int32Array.from([0]), 2);
    expect(s.perClassAccuracy).toEqual([1, 0]);
  });
});
