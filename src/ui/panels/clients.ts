import { type AnalysisClient, browserAnalysisClient } from '../../jobs/analysisClient.ts';

/**
 * One analysis worker per purpose, made on first use: the histogram/heatmap summary follows
 * every new codebook, while a long sweep or table keeps running in its own worker, and reading a
 * file never cancels either.
 */
const clients = new Map<string, AnalysisClient>();

export function analysisClient(purpose: 'summary' | 'table' | 'sweep' | 'file'): AnalysisClient {
  let c = clients.get(purpose);
  if (!c) {
    c = browserAnalysisClient(`analysis-${purpose}`);
    clients.set(purpose, c);
  }
  return c;
}
