/**
 * Linear algebra over GF(2) on packed binary words. A generator matrix is a BinaryWords with
 * k rows of length L; a message is k bits, least significant (bit 0) first, and its codeword is
 * message times G mod 2: the XOR of the rows whose message bit is 1.
 */
import type { BinaryWords } from '../math/binaryWords.ts';
import { createBinaryWords, getBit } from '../math/binaryWords.ts';

/** XORs row `row` of `src` into `dst` starting at dst[dstOffset] (same stride assumed). */
export function xorRowInto(
  dst: Uint32Array,
  dstOffset: number,
  src: BinaryWords,
  row: number,
): void {
  const { stride, bits } = src;
  const o = row * stride;
  for (let w = 0; w < stride; w++) dst[dstOffset + w] ^= bits[o + w];
}

/**
 * Codewords of the given messages: messages is a BinaryWords of length k (one message per
 * word), generator has k rows; the result has one word of length L per message.
 */
export function encodeMessages(generator: BinaryWords, messages: BinaryWords): BinaryWords {
  const k = generator.count;
  if (messages.length !== k) {
    throw new RangeError(`messages have ${messages.length} bits, the generator has ${k} rows`);
  }
  const out = createBinaryWords(messages.count, generator.length);
  for (let i = 0; i < messages.count; i++) {
    const o = i * out.stride;
    for (let j = 0; j < k; j++) if (getBit(messages, i, j)) xorRowInto(out.bits, o, generator, j);
  }
  return out;
}

/** The codeword of one message given as an integer (bit j = message bit j; needs k <= 53). */
export function encodeIndex(generator: BinaryWords, message: number): Uint32Array {
  const out = new Uint32Array(generator.stride);
  let rest = message;
  for (let j = 0; rest > 0; j++, rest = Math.floor(rest / 2)) {
    if (j >= generator.count) throw new RangeError(`message ${message} needs more than k bits`);
    if (rest % 2 === 1) xorRowInto(out, 0, generator, j);
  }
  return out;
}

/** Messages given as integers (each < 2^k, k <= 53) packed as k-bit words. */
export function messagesFromIndices(indices: ArrayLike<number>, k: number): BinaryWords {
  const out = createBinaryWords(indices.length, k);
  for (let i = 0; i < indices.length; i++) {
    let rest = indices[i];
    if (!Number.isInteger(rest) || rest < 0 || rest >= 2 ** k) {
      throw new RangeError(`message ${rest} is not an integer in [0, 2^${k})`);
    }
    for (let w = 0; rest > 0; w++) {
      out.bits[i * out.stride + w] = rest % 0x100000000;
      rest = Math.floor(rest / 0x100000000);
    }
  }
  return out;
}

/** Message i as an integer (exact for k <= 53). */
export function messageIndex(messages: BinaryWords, i: number): number {
  let v = 0;
  for (let w = messages.stride - 1; w >= 0; w--) {
    v = v * 0x100000000 + messages.bits[i * messages.stride + w];
  }
  return v;
}

/** Rank over GF(2) of the rows (Gaussian elimination on a copy). */
export function rankGF2(rows: BinaryWords): number {
  const { stride, length } = rows;
  const m = rows.bits.slice();
  let rank = 0;
  for (let t = 0; t < length && rank < rows.count; t++) {
    const w = t >>> 5;
    const mask = 1 << (t & 31);
    let pivot = -1;
    for (let i = rank; i < rows.count; i++) {
      if (m[i * stride + w] & mask) {
        pivot = i;
        break;
      }
    }
    if (pivot < 0) continue;
    if (pivot !== rank) {
      for (let x = 0; x < stride; x++) {
        const tmp = m[pivot * stride + x];
        m[pivot * stride + x] = m[rank * stride + x];
        m[rank * stride + x] = tmp;
      }
    }
    for (let i = rank + 1; i < rows.count; i++) {
      if (m[i * stride + w] & mask) {
        for (let x = 0; x < stride; x++) m[i * stride + x] ^= m[rank * stride + x];
      }
    }
    rank++;
  }
  return rank;
}

/** The first `length` bits of every word (deletes the trailing coordinates). */
export function truncateWords(words: BinaryWords, length: number): BinaryWords {
  if (length > words.length) {
    throw new RangeError(`cannot truncate ${words.length} bits to ${length}`);
  }
  const out = createBinaryWords(words.count, length);
  for (let i = 0; i < words.count; i++) {
    for (let w = 0; w < out.stride; w++) {
      out.bits[i * out.stride + w] = words.bits[i * words.stride + w];
    }
    const spare = length & 31; // clear the bits past the new end in the last Uint32
    if (spare) out.bits[i * out.stride + out.stride - 1] &= (1 << spare) - 1;
  }
  return out;
}

/** Appends to every word one bit, the XOR of its bits, so every word gets even weight. */
export function appendParityBit(words: BinaryWords): BinaryWords {
  const L = words.length;
  const out = createBinaryWords(words.count, L + 1);
  for (let i = 0; i < words.count; i++) {
    let parity = 0;
    for (let w = 0; w < words.stride; w++) {
      const v = words.bits[i * words.stride + w];
      out.bits[i * out.stride + w] = v;
      parity ^= v;
    }
    // Parity of a 32-bit value by folding.
    parity ^= parity >>> 16;
    parity ^= parity >>> 8;
    parity ^= parity >>> 4;
    parity ^= parity >>> 2;
    parity ^= parity >>> 1;
    if (parity & 1) out.bits[i * out.stride + (L >>> 5)] |= 1 << (L & 31);
  }
  return out;
}

/** Rows `from..to-1` of a BinaryWords as a new one. */
export function sliceWords(words: BinaryWords, from: number, to: number): BinaryWords {
  const out = createBinaryWords(to - from, words.length);
  out.bits.set(words.bits.subarray(from * words.stride, to * words.stride));
  return out;
}
