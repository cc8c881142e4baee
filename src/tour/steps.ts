/**
 * The guided tour: the story of the talk "On the Importance of Separation and Labelling on the
 * Hypersphere" (Lindström, Thobaben, Skoglund, 2026), one step per idea, in the talk's order.
 * Each step is a preset of URL settings (keys of settings.ts; anything not named takes its
 * default) and a short text, in the talk's words where possible. `facts` are the numbers the
 * text quotes about the prototypes the preset makes; steps.test.ts remakes them and checks.
 *
 * It imports nothing of the state (only the labellings' names), so the settings list can read
 * the number of steps.
 */
import { getLabelling } from '../train/labellings/registry.ts';

export interface TourFacts {
  /** Largest cosine between two prototypes, as the metrics panel rounds it (4 decimals). */
  readonly maxCosine?: number;
  /** Smallest angle in degrees (2 decimals). */
  readonly minAngleDeg?: number;
  /** The cosine of one named pair [i, j, cosine]. */
  readonly pair?: readonly [number, number, number];
}

export interface TourStep {
  /** A stable name (the URL uses the step's number, `tour=3`). */
  readonly id: string;
  /** The title of the talk's slide this step tells (steps follow the talk's order). */
  readonly slide: string;
  readonly title: string;
  /** Paragraphs. */
  readonly text: readonly string[];
  /** URL settings this step sets (settings.ts keys and the method's `opt.*` keys). */
  readonly preset: Readonly<Record<string, number | boolean | string>>;
  readonly facts: TourFacts;
  /** Where to go on from here: the training panel (the step works without data loaded). */
  readonly training?: string;
}

export const TOUR_STEPS: readonly TourStep[] = [
  {
    id: 'normalise',
    slide: 'Hyperspherical Latent Spaces',
    title: 'Why normalise?',
    text: [
      'State-of-the-art methods use hyperspherical latent spaces: the representation is normalised, z = f(x) / ‖f(x)‖. Normalising is helpful empirically, but the exact reason why is not entirely clear.',
      'Two commonly cited factors: bounding the output prevents overconfidence and overfitting, and linear predictors work well. If you have tight clustering and well-separated clusters, then the clusters are linearly separable.',
      'Here six directions ±eᵢ on S², 90° apart: each cell is cut out by planes through the origin, so each class is a linear region.',
    ],
    preset: { method: 'orthoplex', N: 6, n: 3, view: 's2', 'show.cells': true },
    facts: { maxCosine: 0, minAngleDeg: 90 },
  },
  {
    id: 'prototypes',
    slide: 'The Hyperspherical Prototypical Learning Framework',
    title: 'Prototypes and softmax',
    text: [
      'Hyperspherical prototypical learning: 1. prior to training, pick fixed prototypes c₁, …, c_N on the sphere; 2. obtain a hyperspherical representation z = f_W(x); 3. perform a soft clustering through softmaxᵢ(⟨z, cᵢ⟩ / τ), a von Mises–Fisher prior around each prototype; 4. classify through nearest-neighbour decoding: ŷ = the index of the closest prototype.',
      'The cells are the decoding regions. These 12 prototypes are random: the closest two are only 8.86° apart.',
    ],
    preset: { method: 'random', N: 12, n: 3, seed: 0, view: 's2', 'show.cells': true },
    facts: { minAngleDeg: 8.86 },
  },
  {
    id: 'problem-p',
    slide: 'Picking Prototypes',
    title: 'Picking prototypes: problem (P)',
    text: [
      'Assumption: we want maximally separated prototypes. (P): minimise over the codebook C the worst-case similarity max_{i≠j} ⟨cᵢ, cⱼ⟩. The intuition is channel coding: maximise the SNR under a power constraint.',
      'Unfortunately, (P) is unsolved even in ℝ³ (the Tammes problem). For N = 12 on S² the answer is known, the icosahedron: max cosine 1/√5 = 0.4472, min angle 63.43°, found here by our optimiser.',
    ],
    preset: { method: 'best', N: 12, n: 3, seed: 0, view: 's2', 'opt.steps': 5000 },
    facts: { maxCosine: 0.4472, minAngleDeg: 63.43 },
  },
  {
    id: 'one-hot',
    slide: 'Picking Prototypes',
    title: 'n = 3: one-hot',
    text: [
      'Three classes in ℝ³, one coordinate each: cᵢ = eᵢ. Every pair is orthogonal: max cosine 0, min angle 90°.',
    ],
    preset: { method: 'onehot', N: 3, n: 3, view: 's2' },
    facts: { maxCosine: 0, minAngleDeg: 90 },
  },
  {
    id: 'repetition',
    slide: 'Picking Prototypes',
    title: 'n = 3: the repetition code',
    text: [
      'Two classes, codewords 000 and 111 (the BCH code of length 3 with one message bit). Mapped to the sphere they are diametrically opposed: cosine −1, angle 180°, the best two prototypes can do.',
    ],
    preset: { method: 'bch', N: 2, n: 3, view: 's2' },
    facts: { maxCosine: -1, minAngleDeg: 180 },
  },
  {
    id: 'even-weight',
    slide: 'Picking Prototypes',
    title: 'n = 3: the even-weight code',
    text: [
      'Four classes, the even-weight words 000, 011, 101, 110 (Reed–Muller RM(1, 2) shortened to length 3). Any two differ in 2 of 3 bits, so every cosine is 1 − 2·2/3 = −1/3 = −0.3333: a regular tetrahedron, min angle 109.47°, on Rankin’s bound −1/(N − 1).',
    ],
    preset: { method: 'rm', N: 4, n: 3, view: 's2', 'opt.fit': 'shorten' },
    facts: { maxCosine: -0.3333, minAngleDeg: 109.47 },
  },
  {
    id: 'mettes',
    slide: 'Solving (P)',
    title: 'Mettes et al. (2019)',
    text: [
      'Two approximate solutions to (P). The first, Hyperspherical Prototype Networks: minimise the average worst case (1/N) Σᵢ maxⱼ Mᵢⱼ with M = CᵀC − 2I (the −2I avoids selecting ⟨cᵢ, cᵢ⟩ = 1), by gradient descent with renormalisation.',
      'With N = 10 in n = 16 it ends at max cosine −0.0567 here; the bound is −1/9 = −0.1111.',
    ],
    preset: { method: 'mettes', N: 10, n: 16, seed: 0, view: 'proj' },
    facts: { maxCosine: -0.0567 },
  },
  {
    id: 'kasarla',
    slide: 'Solving (P)',
    title: 'Kasarla et al. (2022)',
    text: [
      'The second restricts to constant pairwise separation: minimise a subject to ⟨cᵢ, cⱼ⟩ = a for all i ≠ j. The answer is the regular simplex, every cosine exactly −1/(N − 1) = −0.1111 for N = 10. It needs N ≤ n + 1.',
    ],
    preset: { method: 'kasarla', N: 10, n: 16, view: 'proj' },
    facts: { maxCosine: -0.1111 },
  },
  {
    id: 'lse',
    slide: 'Warmup: A Convex Relaxation to (P)',
    title: 'Warm-up: the log-sum-exp relaxation',
    text: [
      'For any t > 0: maxᵢ xᵢ ≤ (1/t) log Σᵢ exp(t xᵢ) ≤ maxᵢ xᵢ + (log n) / t. This gives a relaxed, tractable problem, (P_LSE): minimise (1/t) log Σ_{i≠j} exp(t ⟨cᵢ, cⱼ⟩), solvable by projected gradient descent (t rises from 1 to N + 1).',
      'At N = 10, n = 16 it reaches the simplex bound, −0.1111.',
    ],
    preset: { method: 'lse', N: 10, n: 16, seed: 0, view: 'proj' },
    facts: { maxCosine: -0.1111 },
  },
  {
    id: 'codes',
    slide: 'Coding-Theoretic Relaxation',
    title: 'Codes and the map γ',
    text: [
      'Map binary words to the sphere: γ(b) = 2(b − 1/2) / √n, so ‖c‖ = 1 and every coordinate is ±1/√n. Then ⟨cᵢ, cⱼ⟩ = 1 − 2 d_H(bᵢ, bⱼ) / n ≤ 1 − 2 d_min / n: a binary code with a large minimum distance gives well-separated prototypes.',
      'BCH codes are good at short lengths, Reed–Muller codes at low rates. Here RM(1, 3): n = 8, d_min = 4, so max cosine 1 − 2·4/8 = 0.',
    ],
    preset: { method: 'rm', N: 16, n: 8, view: 'proj' },
    facts: { maxCosine: 0 },
  },
  {
    id: 'bounds',
    slide: 'Full Characterisation of Solutions to (P)',
    title: 'Bounds: nothing much better than orthogonal',
    text: [
      'The Rankin bound: max_{i≠j} ⟨cᵢ, cⱼ⟩ ≥ −1/(N − 1). With the Gilbert–Varshamov bound (there are good binary codes) this characterises the solutions to (P): −1/(N − 1) ≤ max cosine ≤ 1 − 2 d_GV / n.',
      'For moderate problem sizes (N ≳ 100) the lower bound is close to 0: −1/99 at N = 100, a worst-case angle of at most 90.58°. In low dimension n ≈ N/2, 0 is achievable: here RM(1, 6) puts N = 100 classes in n = 64 with max cosine exactly 0.',
      'Orthogonal prototypes are achievable in low dimension, and there exists no set of prototypes much better than orthogonal.',
    ],
    preset: { method: 'rm', N: 100, n: 64, view: 'proj' },
    facts: { maxCosine: 0 },
  },
  {
    id: 'accuracy',
    slide: 'Connecting Separation to Performance',
    title: 'Separation versus accuracy',
    text: [
      'The assumption behind (P): larger prototype separation gives better linear separability between classes. Trained on CIFAR-100, it does not hold: better separation does not give better performance. Separation has a surprisingly small impact.',
      'These are 100 random prototypes in n = 64 (max cosine 0.4290, against 0 for the code before). Train with both and compare.',
    ],
    preset: { method: 'random', N: 100, n: 64, seed: 0, view: 'proj' },
    facts: { maxCosine: 0.429 },
    training:
      'Train with these prototypes and with the previous step’s in the training panel (load CIFAR data first).',
  },
  {
    id: 'relabelling',
    slide: 'Relabelling is Important: Empirical Motivation',
    title: 'Labelling and relabelling',
    text: [
      'The decoder assumes that z ≈ cᵢ is decoded to ŷ = i. With RM codes in message order, classes 2j and 2j + 1 are diametrically opposed: ⟨c₄₂, c₄₃⟩ = −1. CIFAR-100 is ordered alphabetically, so leopard (42) and lion (43) land on opposite poles: input data structure is not preserved.',
      'Mutual information I(Z; Y) is invariant to relabellings, so the decoder needs to be optimised separately. A trainable relabelling compensates poor separation; but with 1000! permutations (ImageNet), good relabellings are hard to find.',
    ],
    preset: { method: 'rm', N: 100, n: 64, view: 'proj', 'show.contacts': false },
    facts: { maxCosine: 0, pair: [42, 43, -1] },
    training: `In the training panel, train with the labelling “${getLabelling('identity').label}”, then “${getLabelling('hungarian').label}”, and compare the accuracy.`,
  },
];
