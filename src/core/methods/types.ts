import type { BinaryWords } from '../math/binaryWords.ts';
import type { Codebook } from '../math/codebook.ts';
import type { MethodRun } from './stepper.ts';

/** Every prototype method, by the id used in the CLI, URLs and the UI. */
export type MethodId =
  | 'random'
  | 'onehot'
  | 'orthoplex'
  | 'kasarla'
  | 'polygon'
  | 'mettes'
  | 'lse'
  | 'rm'
  | 'bch'
  | 'best';

/**
 * One declaration of a method parameter. The CLI flags, the UI controls and the URL codec are all
 * generated from these, so a parameter exists in one place only.
 */
export type ParamSpec = NumberParam | BooleanParam | ChoiceParam;

interface ParamBase {
  /** Key in the params object, camelCase (e.g. `tStart`). */
  readonly name: string;
  /** CLI flag without dashes, kebab-case (e.g. `t-start`). */
  readonly flag: string;
  readonly label: string;
  readonly description: string;
}

export interface NumberParam extends ParamBase {
  readonly kind: 'number';
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
}

export interface BooleanParam extends ParamBase {
  readonly kind: 'boolean';
  readonly default: boolean;
}

export interface ChoiceParam extends ParamBase {
  readonly kind: 'choice';
  readonly options: readonly string[];
  readonly default: string;
}

export type ParamValue = number | boolean | string;
export type ParamValues = Readonly<Record<string, ParamValue>>;

/** Facts about the binary code behind code-based prototypes. */
export interface CodeInfo {
  /** Human-readable name, e.g. "RM(1,6)" or "BCH(127,15) shortened to [122,10]". */
  readonly name: string;
  /** Code length L (the prototypes use L coordinates; the rest of the n are zero). */
  readonly n: number;
  /** Code dimension k (2^k codewords). */
  readonly k: number;
  /** Minimum Hamming distance measured over the selected codewords. */
  readonly d: number;
  /** Designed (guaranteed) minimum distance of the whole code. */
  readonly designedDistance: number;
  /** True minimum distance of the whole code, when known or computed. */
  readonly minimumDistance: number | null;
}

export interface MethodResult {
  readonly codebook: Codebook;
  /** Binary words for code-based methods: cosines are then exact (1 - 2 d_H / L). */
  readonly binary?: BinaryWords;
  readonly code?: CodeInfo;
  /** Optimiser steps actually run (optimisers only). */
  readonly steps?: number;
  /**
   * How the result was made, when a method chooses among routes (`best`), e.g.
   * "extended BCH(127,15) shortened to [122,10] [123,10], first codewords + engine refinement".
   */
  readonly route?: string;
}

/** An intermediate state of an optimiser, for live views. */
export interface MethodStepState {
  /** Optimiser steps so far. */
  readonly step: number;
  /** Max cosine of the configuration being optimised. */
  readonly maxCosine: number;
  /** The value of the objective being minimised (NaN when not defined at this point). */
  readonly objective: number;
  /** The configuration (row-major N x n); live, valid only during the call: copy to keep. */
  readonly data?: Float64Array;
  /** What is running, e.g. "random start 3". */
  readonly stage?: string;
}

export interface MethodInput {
  readonly N: number;
  readonly n: number;
  readonly seed: number;
  /** Complete parameter values (defaults already filled in). */
  readonly params: ParamValues;
  /** Called now and then with the fraction done, in [0, 1]. */
  readonly onProgress?: (fraction: number) => void;
  /** Polled between steps; when it returns true the method stops early and returns what it has. */
  readonly shouldStop?: () => boolean;
  /** Milliseconds, for time budgets (default: performance.now, else Date.now). */
  readonly now?: () => number;
  /** Called with intermediate states (about 20 times a second), for live animation. */
  readonly onStep?: (state: MethodStepState) => void;
}

export interface PrototypeMethod {
  readonly id: MethodId;
  readonly label: string;
  /** One sentence for students. */
  readonly description: string;
  /** Where the method was published, when it was. */
  readonly citation?: string;
  readonly params: readonly ParamSpec[];
  /**
   * null when the method can run at (N, n) with these params; otherwise one sentence that says
   * why not and what would work (shown to users instead of failing).
   */
  feasibility(N: number, n: number, params: ParamValues): string | null;
  run(input: MethodInput): MethodResult;
  /** Iterative methods: a run the caller advances step by step (pause, single-step, animate). */
  start?(input: MethodInput): MethodRun;
}
