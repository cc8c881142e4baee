import type { Random } from '../core/math/random.ts';

/** A uniformly random permutation of 0..count-1 (Fisher-Yates). */
export function permutation(count: number, rng: Random): Int32Array {
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) out[i] = i;
  for (let i = count - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = out[i];
    out[i] = out[j];
    out[j] = t;
  }
  return out;
}
