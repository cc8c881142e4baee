import type { CifarDataset } from '../data/dataset.ts';
import type { SubsetRequest } from '../data/subset.ts';
import type { LoaderReply, LoaderRequest } from './cifarLoaderProtocol.ts';

export type LoadOutcome =
  | {
      readonly kind: 'done';
      readonly dataset: CifarDataset;
      readonly request: SubsetRequest | null;
      readonly ms: number;
    }
  | { readonly kind: 'absent' }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'cancelled' };

export interface LoadHandle {
  readonly done: Promise<LoadOutcome>;
  cancel(): void;
}

export interface Progress {
  readonly loaded: number;
  readonly total: number;
  readonly file: string;
}

/** Starts a load; the store only sees this interface (tests pass one that runs in Node). */
export type CifarLoader = (request: LoaderRequest, onProgress: (p: Progress) => void) => LoadHandle;

/** The outcome a final reply means. */
export function outcomeOf(reply: Exclude<LoaderReply, { kind: 'progress' }>): LoadOutcome {
  if (reply.kind === 'done')
    return { kind: 'done', dataset: reply.dataset, request: reply.request, ms: reply.ms };
  if (reply.kind === 'absent') return { kind: 'absent' };
  return { kind: 'error', message: reply.message };
}

/** Loads in a fresh module worker; cancel() terminates it at once. */
export const workerLoader: CifarLoader = (request, onProgress) => {
  const worker = new Worker(new URL('../workers/cifarLoader.worker.ts', import.meta.url), {
    type: 'module',
    name: 'cifar-loader',
  });
  let settle: (outcome: LoadOutcome) => void = () => {};
  const done = new Promise<LoadOutcome>((resolve) => {
    settle = (outcome) => {
      worker.terminate();
      resolve(outcome);
    };
  });
  worker.onmessage = (event: MessageEvent<LoaderReply>) => {
    const reply = event.data;
    if (reply.kind === 'progress') onProgress(reply);
    else if (reply.kind === 'done')
      settle({ kind: 'done', dataset: reply.dataset, request: reply.request, ms: reply.ms });
    else if (reply.kind === 'absent') settle({ kind: 'absent' });
    else settle({ kind: 'error', message: reply.message });
  };
  worker.onerror = (event) => {
    event.preventDefault();
    settle({
      kind: 'error',
      message: `the loader worker failed: ${event.message || 'unknown error'}`,
    });
  };
  worker.postMessage(request);
  return { done, cancel: () => settle({ kind: 'cancelled' }) };
};
