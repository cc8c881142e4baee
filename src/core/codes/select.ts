/**
 * Which N of the 2^k codewords become prototypes, and in which order (class c gets the c-th
 * selected message). A free design choice the papers fix to 'first'.
 * - 'first': the authors' choice, messages 0..N-1 (class c = binary expansion of c, least
 *   significant bit first). With first-order RM this pairs classes 2j, 2j+1 as antipodes.
 * - 'random': N distinct messages drawn uniformly with the seeded generator.
 * - 'greedy': farthest-point selection. Start at message 0 (the zero codeword); repeatedly add
 *   the codeword whose minimum Hamming distance to the chosen ones is largest (ties: smallest
 *   message index). Distances come from a weight table, d(c(a), c(b)) = weight of c(a XOR b), so
 *   each step is one pass over the candidates. The candidates are all 2^k codewords when
 *   N * 2^k <= GREEDY_BUDGET (and k <= 20): then the result is deterministic. Otherwise (large k,
 *   or large N * 2^k) they are a K-dimensional subcode, K the largest dimension that fits the
 *   budget but never below ceil(log2 N): a chosen number of leading generator rows (RM: the
 *   first-order part) plus seeded random combinations of the others; ties then go to the
 *   smallest index inside the subcode. (Measured: for RM(2, m) this beats both the subcode of
 *   the first K rows, whose quadratic rows all share x_0 and have rank 2, and a random pool.)
 */
import type { BinaryWords } from '../math/binaryWords.ts';
import { createBinaryWords } from '../math/binaryWords.ts';
import { createRandom } from '../math/random.ts';
import { encodeMessages, messagesFromIndices, rankGF2, sliceWords } from './gf2.ts';
import type { LinearCode } from './linearCode.ts';
import { codewordWeights, ENUMERATION_BUDGET, ENUMERATION_MAX_K } from './linearCode.ts';

export const SELECTION_RULES = ['first', 'random', 'greedy'] as const;
export type SelectionRule = (typeof SELECTION_RULES)[number];

/** Distance look-ups (N times the number of candidates) greedy may spend when it can choose. */
export const GREEDY_BUDGET = 2 ** 27;

function checkEnough(N: number, k: number): void {
  if (N > 2 ** k) {
    throw new RangeError(`a code with k = ${k} has only 2^${k} codewords, fewer than N = ${N}`);
  }
}

/** Messages 0..N-1 as k-bit words. */
export function firstMessages(N: number, k: number): BinaryWords {
  checkEnough(N, k);
  const indices = new Float64Array(N);
  for (let i = 0; i < N; i++) indices[i] = i;
  return messagesFromIndices(indices, k);
}

/**
 * N distinct messages drawn uniformly from the 2^k, in draw order. Dense draws (N > 2^k / 2)
 * use a partial Fisher-Yates shuffle, sparse ones rejection of repeats.
 */
export function randomMessages(N: number, k: number, seed: number): BinaryWords {
  checkEnough(N, k);
  const random = createRandom(seed);
  const total = 2 ** k;
  if (2 * N > total) {
    const all = new Float64Array(total);
    for (let i = 0; i < total; i++) all[i] = i;
    for (let i = 0; i < N; i++) {
      const j = i + random.int(total - i);
      const t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    return messagesFromIndices(all.subarray(0, N), k);
  }
  const out = createBinaryWords(N, k);
  const { stride } = out;
  const spare = k & 31;
  const topMask = spare ? (1 << spare) - 1 : 0xffffffff;
  const seen = new Set<string>();
  const chunk = new Uint32Array(stride);
  for (let i = 0; i < N; ) {
    for (let w = 0; w < stride; w++) chunk[w] = random.nextUint32();
    chunk[stride - 1] &= topMask;
    const key = chunk.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    out.bits.set(chunk, i * stride);
    i++;
  }
  return out;
}

/**
 * Farthest-point selection over all messages of a weight table (0 first, ties to the smallest
 * index). Returns the chosen messages and their minimum pairwise distance, which is the
 * smallest "farthest" distance met along the way.
 */
function greedyExhaustive(
  N: number,
  weights: Uint16Array,
): { chosen: Float64Array; minDistance: number } {
  const total = weights.length;
  const minD = new Int32Array(total); // -1 marks chosen messages
  const chosen = new Float64Array(N);
  let minDistance = Number.POSITIVE_INFINITY;
  minD[0] = -1;
  let best = -1;
  let bestD = -1;
  for (let x = 1; x < total; x++) {
    minD[x] = weights[x];
    if (weights[x] > bestD) {
      bestD = weights[x];
      best = x;
    }
  }
  for (let c = 1; c < N; c++) {
    chosen[c] = best;
    if (bestD < minDistance) minDistance = bestD;
    minD[best] = -1;
    const b = best;
    best = -1;
    bestD = -1;
    for (let x = 1; x < total; x++) {
      let d = minD[x];
      if (d < 0) continue;
      const e = weights[x ^ b];
      if (e < d) {
        d = e;
        minD[x] = e;
      }
      if (d > bestD) {
        bestD = d;
        best = x;
      }
    }
  }
  return { chosen, minDistance };
}

export interface GreedyOptions {
  /** The code's full weight table (codewordWeights), when it was computed already. */
  readonly weights?: Uint16Array | null;
  /** Seed for the random part of a candidate subcode (only used when K < k). */
  readonly seed?: number;
  /**
   * Leading generator rows every candidate subcode keeps (RM: the m + 1 first-order rows, whose
   * codewords are pairwise orthogonal or antipodal); the rest of the subcode is random.
   */
  readonly keepRows?: number;
}

/** Dimension K of the candidate subcode greedy scans (k itself when the budget allows). */
export function greedyCandidateDimension(code: LinearCode, N: number): number {
  const g = code.generator;
  let kRequired = 0;
  while (2 ** kRequired < N) kRequired++;
  let K = Math.min(g.count, ENUMERATION_MAX_K);
  const tooCostly = (K: number) =>
    N * 2 ** K > GREEDY_BUDGET || 2 ** K * g.stride > ENUMERATION_BUDGET;
  while (K > kRequired && tooCostly(K)) K--;
  return Math.max(K, kRequired);
}

/**
 * K independent message vectors: unit vectors e_0..e_{keep-1}, then seeded random vectors over
 * the remaining k - keep message bits (redrawn until independent).
 */
export function candidateBasis(k: number, K: number, keepRows: number, seed: number): BinaryWords {
  const keep = Math.min(keepRows, K);
  const basis = createBinaryWords(K, k);
  const random = createRandom(seed);
  for (let i = 0; i < keep; i++) basis.bits[i * basis.stride + (i >>> 5)] = (1 << (i & 31)) >>> 0;
  for (let i = keep; i < K; ) {
    const o = i * basis.stride;
    basis.bits.fill(0, o, o + basis.stride);
    for (let j = keep; j < k; j++) {
      if (random.nextUint32() & 1) basis.bits[o + (j >>> 5)] |= 1 << (j & 31);
    }
    if (rankGF2(sliceWords(basis, 0, i + 1)) === i + 1) i++;
  }
  return basis;
}

export interface GreedySelection {
  readonly messages: BinaryWords;
  /** Minimum Hamming distance among the selected codewords (known from the selection itself). */
  readonly minDistance: number;
}

export function greedySelection(
  code: LinearCode,
  N: number,
  options: GreedyOptions = {},
): GreedySelection {
  const g = code.generator;
  const k = g.count;
  checkEnough(N, k);
  const K = greedyCandidateDimension(code, N);
  if (K > ENUMERATION_MAX_K) {
    throw new RangeError(`greedy selection needs N <= 2^${ENUMERATION_MAX_K}`);
  }
  if (K === k) {
    const { chosen, minDistance } = greedyExhaustive(N, options.weights ?? codewordWeights(g));
    return { messages: messagesFromIndices(chosen, k), minDistance };
  }
  // A K-dimensional subcode: its messages map to the code's through the basis.
  const basis = candidateBasis(k, K, options.keepRows ?? 0, options.seed ?? 0);
  const { chosen, minDistance } = greedyExhaustive(N, codewordWeights(encodeMessages(g, basis)));
  return { messages: encodeMessages(basis, messagesFromIndices(chosen, K)), minDistance };
}

export function greedyMessages(
  code: LinearCode,
  N: number,
  options: GreedyOptions = {},
): BinaryWords {
  return greedySelection(code, N, options).messages;
}

export interface SelectOptions {
  readonly seed?: number;
  readonly weights?: Uint16Array | null;
  /** See GreedyOptions.keepRows. */
  readonly keepRows?: number;
}

/** The N messages (k-bit words, class order) chosen by the rule. */
export function selectMessages(
  code: LinearCode,
  N: number,
  rule: SelectionRule,
  options: SelectOptions = {},
): BinaryWords {
  const k = code.generator.count;
  switch (rule) {
    case 'first':
      return firstMessages(N, k);
    case 'random':
      return randomMessages(N, k, options.seed ?? 0);
    case 'greedy':
      return greedyMessages(code, N, options);
  }
}

/** Minimum pairwise Hamming distance of a set of words (Infinity for fewer than two). */
export function minPairwiseDistance(words: BinaryWords): number {
  const { stride, bits, count } = words;
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < count; i++) {
    const io = i * stride;
    for (let j = i + 1, jo = (i + 1) * stride; j < count; j++, jo += stride) {
      let d = 0;
      for (let w = 0; w < stride; w++) {
        // popcount inlined: this is the O(N^2 stride) loop.
        let v = bits[io + w] ^ bits[jo + w];
        v -= (v >>> 1) & 0x55555555;
        v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
        d += (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
      }
      if (d < best) best = d;
    }
  }
  return best;
}

/**
 * The same for codewords of a linear code given by their messages (all below 2^K, K <= 20) and
 * a weight table covering them: d(c(a), c(b)) = weights[a XOR b], no popcounts.
 */
export function minPairwiseDistanceByWeights(messages: BinaryWords, weights: Uint16Array): number {
  const N = messages.count;
  const idx = new Int32Array(N);
  for (let i = 0; i < N; i++) idx[i] = messages.bits[i * messages.stride];
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < N; i++) {
    const a = idx[i];
    for (let j = i + 1; j < N; j++) {
      const d = weights[a ^ idx[j]];
      if (d < best) best = d;
    }
  }
  return best;
}

/** Number of bits needed for the largest message (0 when all are zero). */
function messageBits(messages: BinaryWords): number {
  const { stride, bits, count } = messages;
  for (let w = stride - 1; w >= 0; w--) {
    let or = 0;
    for (let i = 0; i < count; i++) or |= bits[i * stride + w];
    if (or) return 32 * w + 32 - Math.clz32(or);
  }
  return 0;
}

/**
 * Minimum Hamming distance among the selected codewords, by the cheapest exact route:
 * - messages 0..N-1 ('first'): their pairwise XORs are exactly 1..2^K-1 with K = bits of N-1,
 *   so d is the minimum weight of the subcode of the first K rows (2^K weights, no pairs);
 * - messages below 2^K with K <= 20: pairs through a weight table (the code's, or the subcode's);
 * - otherwise pairwise Hamming distances of the codewords.
 */
export function selectionMinimumDistance(
  code: LinearCode,
  messages: BinaryWords,
  words: BinaryWords,
  weights?: Uint16Array | null,
): number {
  const g = code.generator;
  const N = messages.count;
  if (N < 2) return Number.POSITIVE_INFINITY;
  const K = messageBits(messages);
  let table: Uint16Array | null = null;
  if (weights && weights.length >= 2 ** K) table = weights;
  else if (K <= ENUMERATION_MAX_K && 2 ** K * g.stride <= ENUMERATION_BUDGET) {
    table = codewordWeights(sliceWords(g, 0, K));
  }
  if (!table) return minPairwiseDistance(words);
  let first = true;
  for (let i = 0; i < N && first; i++) first = messages.bits[i * messages.stride] === i;
  if (first) {
    let best = Number.POSITIVE_INFINITY;
    for (let x = 1; x < 2 ** K; x++) if (table[x] < best) best = table[x];
    return best;
  }
  return minPairwiseDistanceByWeights(messages, table);
}
