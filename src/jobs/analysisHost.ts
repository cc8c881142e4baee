import { gramImage } from '../core/analysis/gramImage.ts';
import { binsFor, rangeHistogram } from '../core/analysis/histogram.ts';
import { greedyNearestOrder, identityOrder } from '../core/analysis/order.ts';
import { pairCosines, tableCosine } from '../core/analysis/pairs.ts';
import { parseCsv } from '../core/io/csv.ts';
import { parsePrototypeJson } from '../core/io/json.ts';
import { readNpy } from '../core/io/npy.ts';
import { codebookFromArray, preparePrototypes, sniffFormat } from '../core/io/prototypeFile.ts';
import type { Codebook } from '../core/math/codebook.ts';
import { createCodebook } from '../core/math/codebook.ts';
import { detectSignCode } from '../core/metrics/exact.ts';
import type { PrototypeSet } from '../core/metrics/prototypeSet.ts';
import { cosineFunction } from '../core/metrics/prototypeSet.ts';
import { separationMetrics } from '../core/metrics/separation.ts';
import type {
  AnalysisRequest,
  AnalysisResult,
  FromAnalysis,
  MethodOutcome,
  ParseResult,
  SummaryResult,
  ToAnalysis,
} from './analysisProtocol.ts';
import { ANALYSIS_METHODS, runOutcome, SWEEP_BUDGET, TABLE_BUDGET } from './analysisRuns.ts';

/** Up to this share of the pairs (the most distant ones) may be left off the histogram's axis. */
export const HISTOGRAM_TAIL = 0.02;

export interface AnalysisEnvironment {
  post(message: FromAnalysis, transfer?: Transferable[]): void;
  now(): number;
}

/** The analysis worker's logic, free of the Worker API so it runs in Node tests. */
export function createAnalysisHost(env: AnalysisEnvironment) {
  function summary(r: Extract<AnalysisRequest, { kind: 'summary' }>): SummaryResult {
    const codebook = createCodebook(r.N, r.n, r.data);
    // Code-based prototypes are recognised so their cosines are exact (0, not 1e-17).
    const binary = detectSignCode(codebook) ?? undefined;
    const set: PrototypeSet = binary ? { codebook, binary } : { codebook };
    // Every cosine once (the O(N^2 n) part); histogram, order and image read the table.
    const table = pairCosines(r.N, cosineFunction(set));
    const cos = tableCosine(table, r.N);
    const h = rangeHistogram(table, binsFor(table.length), HISTOGRAM_TAIL);
    const order = r.order === 'cluster' ? greedyNearestOrder(r.N, cos) : identityOrder(r.N);
    const g = gramImage(r.N, cos, order, r.cap);
    return {
      kind: 'summary',
      edges: h.edges,
      counts: h.counts,
      pairs: h.pairs,
      below: h.below,
      minCosine: table.reduce((m, c) => Math.min(m, c), Infinity),
      gram: { size: g.size, cells: g.cells, block: g.block },
      exact: binary !== undefined,
    };
  }

  function outcomes(
    jobId: number,
    jobs: readonly { method: string; n: number }[],
    run: (method: string, n: number) => MethodOutcome,
  ): MethodOutcome[] {
    const done: MethodOutcome[] = [];
    for (const [k, job] of jobs.entries()) {
      env.post({
        type: 'progress',
        jobId,
        fraction: k / jobs.length,
        label: `${job.method} at n = ${job.n}`,
        partial: done.slice(),
      });
      done.push(run(job.method, job.n));
    }
    return done;
  }

  function parse(name: string, buffer: ArrayBuffer): ParseResult {
    const t0 = env.now();
    const bytes = new Uint8Array(buffer);
    if (bytes.length === 0) throw new RangeError('the file is empty');
    const format = sniffFormat(name, bytes);
    let codebook: Codebook;
    let method: string | null = null;
    const text = () => {
      const s = new TextDecoder('utf-8').decode(bytes);
      return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
    };
    if (format === 'npy') {
      const array = readNpy(bytes);
      codebook = codebookFromArray(array.data, array.shape);
    } else if (format === 'csv') {
      const m = parseCsv(text());
      codebook = createCodebook(m.N, m.n, m.data);
    } else {
      const parsed = parsePrototypeJson(text());
      codebook = parsed.codebook;
      method = parsed.method;
    }
    const prepared = preparePrototypes(codebook);
    const metrics = separationMetrics(prepared);
    const { N, n, data } = prepared.codebook;
    return {
      kind: 'parse',
      name,
      format,
      N,
      n,
      data: data === codebook.data ? data.slice() : data,
      renormalised: prepared.renormalised,
      ...(prepared.binary
        ? { words: { length: prepared.binary.length, bits: prepared.binary.bits } }
        : {}),
      metrics,
      method,
      timeMs: env.now() - t0,
    };
  }

  function compute(jobId: number, r: AnalysisRequest): AnalysisResult {
    switch (r.kind) {
      case 'summary':
        return summary(r);
      case 'table': {
        const jobs = ANALYSIS_METHODS.map((method) => ({ method, n: r.n }));
        const rows = outcomes(jobId, jobs, (m, n) =>
          runOutcome(m, r.N, n, r.seed, TABLE_BUDGET, env.now),
        );
        return { kind: 'table', rows };
      }
      case 'sweep': {
        // Dimension by dimension, so the chart fills from left to right.
        const jobs = r.dims.flatMap((n) => ANALYSIS_METHODS.map((method) => ({ method, n })));
        const points = outcomes(jobId, jobs, (m, n) =>
          runOutcome(m, r.N, n, r.seed, SWEEP_BUDGET, env.now),
        );
        return { kind: 'sweep', points };
      }
      case 'parse':
        return parse(r.name, r.bytes);
    }
  }

  return {
    handle({ jobId, request }: ToAnalysis): void {
      try {
        const result = compute(jobId, request);
        const transfer: Transferable[] = [];
        if (result.kind === 'parse') {
          transfer.push(result.data.buffer);
          if (result.words) transfer.push(result.words.bits.buffer);
        }
        env.post({ type: 'done', jobId, result }, transfer);
      } catch (e) {
        env.post({ type: 'error', jobId, message: e instanceof Error ? e.message : String(e) });
      }
    },
  };
}
