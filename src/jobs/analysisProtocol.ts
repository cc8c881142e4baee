/**
 * Messages between the page and the analysis worker. The page asks for one thing at a time per
 * worker; every message carries the job id so a late answer to a replaced request is dropped.
 * Cancel is done by ending the worker (the client makes a fresh one), because a method run in
 * the middle of a sweep cannot be interrupted.
 */

export type AnalysisRequest =
  | {
      /** Histogram and Gram image of the prototypes on screen. */
      readonly kind: 'summary';
      readonly N: number;
      readonly n: number;
      readonly data: Float64Array;
      readonly order: 'class' | 'cluster';
      /** Largest heatmap side in cells (level of detail). */
      readonly cap: number;
    }
  | {
      /** Every method at (N, n), for the comparison table. */
      readonly kind: 'table';
      readonly N: number;
      readonly n: number;
      readonly seed: number;
    }
  | {
      /** Max cosine of every method against the dimension n, at fixed N. */
      readonly kind: 'sweep';
      readonly N: number;
      readonly dims: readonly number[];
      readonly seed: number;
    }
  | {
      /** A prototype file (.npy, .csv, .json) to read and measure. */
      readonly kind: 'parse';
      readonly name: string;
      readonly bytes: ArrayBuffer;
    };

export interface SummaryResult {
  readonly kind: 'summary';
  readonly edges: Float64Array;
  readonly counts: Uint32Array;
  readonly pairs: number;
  /** Pairs whose cosine is below the first edge (a thin far-left tail left off the axis). */
  readonly below: number;
  /** The smallest pairwise cosine. */
  readonly minCosine: number;
  readonly gram: { readonly size: number; readonly cells: Float32Array; readonly block: number };
  /** True when cosines came from exact Hamming distances (code-based prototypes). */
  readonly exact: boolean;
}

/** One method at one (N, n): its numbers, or why it did not run. */
export interface MethodOutcome {
  readonly method: string;
  readonly label: string;
  readonly n: number;
  readonly maxCosine: number | null;
  readonly minAngleDeg: number | null;
  readonly timeMs: number | null;
  /** Why there is no number (cannot run here, too slow for the browser); null when it ran. */
  readonly reason: string | null;
  /** What was changed to keep it quick (e.g. "200 of 1000 steps"); null when nothing. */
  readonly note: string | null;
}

export interface TableResult {
  readonly kind: 'table';
  readonly rows: readonly MethodOutcome[];
}

export interface SweepResult {
  readonly kind: 'sweep';
  readonly points: readonly MethodOutcome[];
}

export interface ParseResult {
  readonly kind: 'parse';
  readonly name: string;
  readonly format: string;
  readonly N: number;
  readonly n: number;
  readonly data: Float64Array;
  readonly renormalised: boolean;
  /** Present for sign codes read back from a file: the packed words for exact cosines. */
  readonly words?: { readonly length: number; readonly bits: Uint32Array };
  readonly metrics: {
    readonly maxCosine: number;
    readonly minAngleDeg: number;
    readonly meanCosine: number;
    readonly meanRowMaxCosine: number;
  };
  readonly method: string | null;
  readonly timeMs: number;
}

export type AnalysisResult = SummaryResult | TableResult | SweepResult | ParseResult;

export type ToAnalysis = { readonly jobId: number; readonly request: AnalysisRequest };

export type FromAnalysis =
  | {
      readonly type: 'progress';
      readonly jobId: number;
      readonly fraction: number;
      /** What is being done now, e.g. "lse at n = 64". */
      readonly label: string;
      /** Outcomes finished so far (table rows or sweep points), for drawing as they come. */
      readonly partial?: readonly MethodOutcome[];
    }
  | { readonly type: 'done'; readonly jobId: number; readonly result: AnalysisResult }
  | { readonly type: 'error'; readonly jobId: number; readonly message: string };
