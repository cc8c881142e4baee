/**
 * The extended binary Golay code [24, 12, 8] and the Steiner systems S(4, 7, 23) and
 * S(3, 6, 22) inside it, the seed of the strongly regular graphs in geometry/twoDistanceSets.ts.
 * Words are 24-bit integers (bit t = coordinate t).
 */
import { popcount32 } from '../math/binaryWords.ts';

/** g(x) = 1 + x^2 + x^4 + x^5 + x^6 + x^10 + x^11 generates the cyclic [23, 12, 7] Golay code. */
const GENERATOR = 0b110001110101;
const LENGTH = 23;

/** All 4096 codewords of the extended Golay code: the cyclic code plus an overall parity bit. */
export function extendedGolayWords(): Uint32Array {
  const rows: number[] = [];
  for (let s = 0; s < 12; s++) rows.push(GENERATOR << s); // x^s g(x), degree <= 22: no wrap
  const out = new Uint32Array(4096);
  for (let m = 0; m < 4096; m++) {
    let w = 0;
    for (let s = 0; s < 12; s++) if ((m >> s) & 1) w ^= rows[s];
    out[m] = w | ((popcount32(w) & 1) << LENGTH);
  }
  return out;
}

/** The 759 octads: the codewords of weight 8, the blocks of the Steiner system S(5, 8, 24). */
export function octads(): number[] {
  return Array.from(extendedGolayWords()).filter((w) => popcount32(w) === 8);
}

/**
 * The 77 hexads of S(3, 6, 22): the octads through coordinates 22 and 23, with those two
 * removed (every 3 of the 22 points lie in exactly one hexad).
 */
export function steinerHexads(): number[] {
  const both = (1 << 22) | (1 << 23);
  return octads()
    .filter((o) => (o & both) === both)
    .map((o) => o & ~both);
}

/** The 253 heptads of S(4, 7, 23): the octads through coordinate 23, with it removed. */
export function steinerHeptads(): number[] {
  const last = 1 << 23;
  return octads()
    .filter((o) => (o & last) !== 0)
    .map((o) => o & ~last);
}
