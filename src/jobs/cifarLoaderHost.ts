import { transferables, withContiguousPixels } from '../data/dataset.ts';
import { loadDefaultSubset } from '../data/defaultSubset.ts';
import { DataError } from '../data/errors.ts';
import { loadCifar } from '../data/load.ts';
import type { LoaderReply, LoaderRequest } from './cifarLoaderProtocol.ts';

/**
 * Runs one load for the worker and reports through `post` (progress at most every 50 ms, then
 * one final reply whose buffers may be transferred). Never throws.
 */
export async function runLoaderJob(
  request: LoaderRequest,
  post: (reply: LoaderReply, transfer: ArrayBuffer[]) => void,
): Promise<void> {
  const start = performance.now();
  let last = 0;
  const onProgress = (p: { loaded: number; total: number; file: string }) => {
    const now = performance.now();
    if (now - last < 50 && p.loaded < p.total) return;
    last = now;
    post({ kind: 'progress', ...p }, []);
  };
  try {
    if (request.kind === 'default') {
      const found = await loadDefaultSubset(request.baseUrl, { onProgress });
      if (!found) {
        post({ kind: 'absent' }, []);
        return;
      }
      const dataset = withContiguousPixels(found.dataset);
      const ms = performance.now() - start;
      post({ kind: 'done', dataset, request: found.request, ms }, transferables(dataset));
      return;
    }
    const dataset = withContiguousPixels(
      await loadCifar(
        { train: request.train, test: request.test },
        { format: request.format, onProgress },
      ),
    );
    const ms = performance.now() - start;
    post({ kind: 'done', dataset, request: null, ms }, transferables(dataset));
  } catch (e) {
    if (e instanceof DataError) {
      post({ kind: 'error', message: e.message, file: e.file }, []);
    } else {
      post(
        {
          kind: 'error',
          message: `unexpected error while loading: ${(e as Error)?.message ?? String(e)}`,
          file: null,
        },
        [],
      );
    }
  }
}
