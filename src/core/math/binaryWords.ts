/**
 * Binary words packed 32 bits to a Uint32 (bit t of word i is bit (t mod 32) of
 * bits[i * stride + floor(t / 32)]). Codes and their gamma images keep their words so that
 * cosines are computed from Hamming distances, exactly: <c_i, c_j> = 1 - 2 d_H(b_i, b_j) / L.
 */
export interface BinaryWords {
  /** Number of words. */
  readonly count: number;
  /** Bits per word (the code length L). */
  readonly length: number;
  /** Uint32s per word: ceil(length / 32). */
  readonly stride: number;
  readonly bits: Uint32Array;
}

export function createBinaryWords(count: number, length: number): BinaryWords {
  const stride = Math.ceil(length / 32);
  return { count, length, stride, bits: new Uint32Array(count * stride) };
}

export function getBit(words: BinaryWords, i: number, t: number): number {
  return (words.bits[i * words.stride + (t >>> 5)] >>> (t & 31)) & 1;
}

export function setBit(words: BinaryWords, i: number, t: number, value: number): void {
  const k = i * words.stride + (t >>> 5);
  const mask = 1 << (t & 31);
  words.bits[k] = value ? (words.bits[k] | mask) >>> 0 : (words.bits[k] & ~mask) >>> 0;
}

/** Number of set bits in a 32-bit integer. */
export function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Hamming distance between word i and word j. */
export function hammingDistance(words: BinaryWords, i: number, j: number): number {
  const { stride, bits } = words;
  const a = i * stride;
  const b = j * stride;
  let d = 0;
  for (let k = 0; k < stride; k++) d += popcount32(bits[a + k] ^ bits[b + k]);
  return d;
}

/** Hamming weight of word i. */
export function hammingWeight(words: BinaryWords, i: number): number {
  const { stride, bits } = words;
  let w = 0;
  for (let k = 0; k < stride; k++) w += popcount32(bits[i * stride + k]);
  return w;
}

/** Words as arrays of 0/1 (for tests, JSON and display). */
export function wordToArray(words: BinaryWords, i: number): number[] {
  const out: number[] = [];
  for (let t = 0; t < words.length; t++) out.push(getBit(words, i, t));
  return out;
}

export function wordsFromArrays(rows: readonly (readonly number[])[]): BinaryWords {
  const length = rows.length ? rows[0].length : 0;
  const words = createBinaryWords(rows.length, length);
  rows.forEach((r, i) => {
    if (r.length !== length)
      throw new RangeError(`word ${i} has ${r.length} bits, expected ${length}`);
    r.forEach((b, t) => {
      if (b !== 0 && b !== 1) throw new RangeError(`word ${i} bit ${t} is ${b}, expected 0 or 1`);
      if (b) setBit(words, i, t, 1);
    });
  });
  return words;
}
