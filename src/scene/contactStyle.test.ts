import { describe, expect, it } from 'vitest';
import { contactEdgeStyle } from './contactStyle.ts';

describe('contactEdgeStyle', () => {
  it('draws sparse contact graphs bold (S^2, the 24-cell)', () => {
    // The icosahedron (30 edges), the snub cube's 24 points (60), the 24-cell (96), none.
    for (const [count, N] of [
      [30, 12],
      [60, 24],
      [96, 24],
      [0, 5],
    ]) {
      expect(contactEdgeStyle(count, N)).toEqual({ width: 2, opacity: 0.85 });
    }
  });

  it('thins and fades a dense graph with the square root of its excess, down to a floor', () => {
    // Four times the clear degree: half the weight.
    expect(contactEdgeStyle(1600, 100)).toEqual({ width: 1, opacity: 0.425 });
    const counts = [401, 800, 1600, 1984, 3000, 4950];
    const styles = counts.map((c) => contactEdgeStyle(c, 100));
    for (let k = 1; k < styles.length; k++) {
      expect(styles[k].opacity).toBeLessThan(styles[k - 1].opacity);
      expect(styles[k].width).toBeLessThanOrEqual(styles[k - 1].width);
    }
    // A graph of every pair among 1000 points fades to the floor.
    expect(contactEdgeStyle(499500, 1000)).toEqual({ width: 1, opacity: 0.12 });
  });
});
