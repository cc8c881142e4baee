import type { MethodResult } from '../core/methods/types.ts';
import { separationMetrics } from '../core/metrics/separation.ts';
import type { JobResult } from './optimiserProtocol.ts';

/**
 * A method's result as the optimiser's messages carry it. Shared by the worker's host
 * and the in-process stand-in of unit tests (jobs/optimiserClient.ts), so both report alike.
 */

/** What the page needs from a result, in transferable typed arrays. */
export function packResult(made: MethodResult, timeMs: number): JobResult {
  const { codebook, binary } = made;
  return {
    N: codebook.N,
    n: codebook.n,
    data: codebook.data.slice(),
    words: binary ? { length: binary.length, bits: binary.bits.slice() } : undefined,
    code: made.code,
    steps: made.steps,
    route: (made as { route?: string }).route,
    metrics: separationMetrics({ codebook, binary }),
    timeMs,
  };
}
