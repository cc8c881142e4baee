import type { BinaryWords } from '../math/binaryWords.ts';
import { createBinaryWords, setBit } from '../math/binaryWords.ts';
import type { Codebook } from '../math/codebook.ts';

/**
 * Recognises prototypes that are gamma images of binary words, read back from a file: every row
 * is +-1/sqrt(L) on the same L coordinates and 0 elsewhere. Returns the words (bit 1 = positive),
 * so metrics can use exact Hamming distances again, or null when the codebook is not of that form.
 * relTol absorbs float32 storage (about 6e-8 relative).
 */
export function detectSignCode(codebook: Codebook, relTol = 1e-6): BinaryWords | null {
  const { N, n, data } = codebook;
  // Support of row 0.
  const support: number[] = [];
  let scale = 0;
  for (let k = 0; k < n; k++) {
    const a = Math.abs(data[k]);
    if (a > scale) scale = a;
  }
  if (!(scale > 0)) return null;
  for (let k = 0; k < n; k++) if (Math.abs(data[k]) > scale * 1e-3) support.push(k);
  const L = support.length;
  const magnitude = 1 / Math.sqrt(L);
  const inSupport = new Uint8Array(n);
  for (const k of support) inSupport[k] = 1;
  const words = createBinaryWords(N, L);
  for (let i = 0; i < N; i++) {
    const o = i * n;
    let t = 0;
    for (let k = 0; k < n; k++) {
      const x = data[o + k];
      if (!inSupport[k]) {
        if (x !== 0) return null;
        continue;
      }
      if (Math.abs(Math.abs(x) - magnitude) > relTol * magnitude) return null;
      if (x > 0) setBit(words, i, t, 1);
      t++;
    }
  }
  return words;
}
