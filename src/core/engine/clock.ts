/**
 * The clock the engine reads for time budgets, in milliseconds. The core compiles against
 * ES2022 only (no DOM, no Node types), so the global `performance` (present in browsers, workers
 * and Node) is looked up at run time rather than declared; Date.now is the fallback.
 */
export type Clock = () => number;

export function defaultClock(): Clock {
  const perf = (globalThis as unknown as { performance?: { now(): number } }).performance;
  if (perf && typeof perf.now === 'function') return () => perf.now();
  return () => Date.now();
}
