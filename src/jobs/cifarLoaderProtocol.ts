import type { CifarDataset } from '../data/dataset.ts';
import type { CifarFormat } from '../data/formats.ts';
import type { SubsetRequest } from '../data/subset.ts';

/** Messages to the CIFAR loader worker (src/workers/cifarLoader.worker.ts). */
export type LoaderRequest =
  | {
      readonly kind: 'files';
      readonly train: readonly File[];
      readonly test: readonly File[];
      readonly format?: CifarFormat;
    }
  | { readonly kind: 'default'; readonly baseUrl: string };

/** Messages from the worker. */
export type LoaderReply =
  | {
      readonly kind: 'progress';
      readonly loaded: number;
      readonly total: number;
      readonly file: string;
    }
  | {
      readonly kind: 'done';
      readonly dataset: CifarDataset;
      /** For the stored default subset: the request that reproduces it. */
      readonly request: SubsetRequest | null;
      readonly ms: number;
    }
  | { readonly kind: 'absent' }
  | { readonly kind: 'error'; readonly message: string; readonly file: string | null };
