import { describe, expect, it } from 'vitest';
import { opposedPair } from './relabelViews.ts';

/** Four prototypes on a circle: 0 and 1 antipodal, 2 and 3 antipodal, 0 and 2 orthogonal. */
const square = { N: 4, n: 2, prototypes: [1, 0, -1, 0, 0, 1, 0, -1] };

describe('the talk’s example in numbers', () => {
  it('names the most opposed same-superclass pair and its cosine after relabelling', () => {
    // Classes 0 and 1 share a superclass. In dataset order they sit on prototypes 0 and 1
    // (cosine -1); relabelled to prototypes 0 and 2 they are orthogonal (cosine 0).
    const coarse = [0, 0, 1, 2];
    const pair = opposedPair(
      { ...square, assignment: [0, 1, 2, 3] },
      { ...square, assignment: [0, 2, 1, 3] },
      coarse,
    );
    expect(pair).toEqual({ a: 0, b: 1, before: -1, after: 0 });
  });

  it('says nothing without superclasses or an opposed pair', () => {
    expect(
      opposedPair(
        { ...square, assignment: [0, 1, 2, 3] },
        { ...square, assignment: [0, 1, 2, 3] },
        null,
      ),
    ).toBeNull();
    // Same superclass only for classes 0 and 2 (orthogonal): no pair at cosine <= -0.5.
    expect(
      opposedPair(
        { ...square, assignment: [0, 1, 2, 3] },
        { ...square, assignment: [0, 1, 2, 3] },
        [0, 1, 0, 2],
      ),
    ).toBeNull();
  });
});
