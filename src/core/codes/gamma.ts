/**
 * The map from binary words to the sphere: gamma(b) = 2(b - 1/2)/sqrt(L), i.e. bit 1 -> +1/sqrt(L)
 * and bit 0 -> -1/sqrt(L), on the first L of n coordinates (zeros after, the padding).
 * Every image is a unit vector and <gamma(a), gamma(b)> = 1 - 2 d_H(a, b)/L: agreements add
 * 1/L, disagreements subtract 1/L.
 */
import type { BinaryWords } from '../math/binaryWords.ts';
import type { Codebook } from '../math/codebook.ts';
import { createCodebook } from '../math/codebook.ts';

export function gammaCodebook(words: BinaryWords, n: number = words.length): Codebook {
  const L = words.length;
  if (n < L) throw new RangeError(`words of length ${L} do not fit in n = ${n} dimensions`);
  const a = 1 / Math.sqrt(L);
  const data = new Float64Array(words.count * n);
  const { stride, bits } = words;
  for (let i = 0; i < words.count; i++) {
    const o = i * n;
    for (let w = 0; w < stride; w++) {
      const v = bits[i * stride + w];
      const end = Math.min(32, L - 32 * w);
      for (let b = 0; b < end; b++) data[o + 32 * w + b] = (v >>> b) & 1 ? a : -a;
    }
  }
  return createCodebook(words.count, n, data);
}

/** The exact cosine between the images of words i and j, from their Hamming distance. */
export function gammaCosine(L: number, hamming: number): number {
  return 1 - (2 * hamming) / L;
}
