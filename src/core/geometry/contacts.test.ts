import { describe, expect, it } from 'vitest';
import { contactGraph } from '../metrics/separation.ts';
import { contactPairs } from './contacts.ts';

describe('contactPairs', () => {
  it('finds the 12 edges of the octahedron and the 24 of the 16-cell', () => {
    const cross = (n: number) => {
      const d: number[] = [];
      for (let k = 0; k < n; k++) {
        for (const s of [1, -1]) d.push(...Array.from({ length: n }, (_, c) => (c === k ? s : 0)));
      }
      return d;
    };
    expect(contactPairs(cross(3), 6, 3, 0.5).edges).toHaveLength(12);
    expect(contactPairs(cross(4), 8, 4, 0.5).edges).toHaveLength(24);
    const capped = contactPairs(cross(4), 8, 4, 0.5, 10);
    expect(capped.edges).toHaveLength(10);
    expect(capped.count).toBe(24);
  });

  it('agrees with the metrics contact graph on random points', () => {
    let s = 99;
    const rnd = () => {
      s = (s * 1103515245 + 12345) % 2 ** 31;
      return s / 2 ** 31 - 0.5;
    };
    const N = 60;
    const n = 5;
    const data = new Float64Array(N * n);
    for (let i = 0; i < N; i++) {
      const v = Array.from({ length: n }, rnd);
      const l = Math.hypot(...v);
      for (let k = 0; k < n; k++) data[i * n + k] = v[k] / l;
    }
    for (const tol of [0, 3, 20]) {
      const a = contactPairs(data, N, n, tol);
      const b = contactGraph({ codebook: { N, n, data } }, tol);
      expect(a.edges).toEqual(b.edges);
      expect(a.worst).toEqual(b.worst);
    }
  });
});
