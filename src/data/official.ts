import type { CifarFormat } from './formats.ts';

/**
 * The official archives and what is inside them. Sizes and md5 sums are the ones the dataset's
 * authors publish; the download script checks both.
 */
export interface OfficialArchive {
  readonly format: CifarFormat;
  readonly fileName: string;
  readonly url: string;
  readonly bytes: number;
  readonly md5: string;
  /** The folder inside the archive. */
  readonly folder: string;
  /** Training batches, in the order their records are concatenated. */
  readonly trainMembers: readonly string[];
  readonly testMembers: readonly string[];
  /** Label-name files: fine (or only) names first, then coarse names for CIFAR-100. */
  readonly namesMember: string;
  readonly coarseNamesMember: string | null;
}

export const OFFICIAL_ARCHIVES: Readonly<Record<CifarFormat, OfficialArchive>> = {
  cifar10: {
    format: 'cifar10',
    fileName: 'cifar-10-binary.tar.gz',
    url: 'https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz',
    bytes: 170_052_171,
    md5: 'c32a1d4ab5d03f1284b67883e8d87530',
    folder: 'cifar-10-batches-bin',
    trainMembers: [1, 2, 3, 4, 5].map((i) => `data_batch_${i}.bin`),
    testMembers: ['test_batch.bin'],
    namesMember: 'batches.meta.txt',
    coarseNamesMember: null,
  },
  cifar100: {
    format: 'cifar100',
    fileName: 'cifar-100-binary.tar.gz',
    url: 'https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz',
    bytes: 168_513_733,
    md5: '03b5dce01913d631647c71ecec9e9cb8',
    folder: 'cifar-100-binary',
    trainMembers: ['train.bin'],
    testMembers: ['test.bin'],
    namesMember: 'fine_label_names.txt',
    coarseNamesMember: 'coarse_label_names.txt',
  },
};

/**
 * The most images one class has in an official split: CIFAR-10's 5000 training and 1000 test
 * images a class (CIFAR-100 has 500 and 100). A link asking for more is capped to these.
 */
export const MAX_IMAGES_PER_CLASS = { train: 5000, test: 1000 } as const;

/** Which split a file belongs to, told by its official name; null when the name is not official. */
export function officialRole(
  fileName: string,
): { format: CifarFormat; split: 'train' | 'test' } | null {
  if (/^data_batch_\d+\.bin$/.test(fileName)) return { format: 'cifar10', split: 'train' };
  if (fileName === 'test_batch.bin') return { format: 'cifar10', split: 'test' };
  if (fileName === 'train.bin') return { format: 'cifar100', split: 'train' };
  if (fileName === 'test.bin') return { format: 'cifar100', split: 'test' };
  return null;
}

/** Which label-name file this is, by its official name. */
export function officialNamesFile(
  fileName: string,
): { format: CifarFormat; kind: 'fine' | 'coarse' } | null {
  if (fileName === 'batches.meta.txt') return { format: 'cifar10', kind: 'fine' };
  if (fileName === 'fine_label_names.txt') return { format: 'cifar100', kind: 'fine' };
  if (fileName === 'coarse_label_names.txt') return { format: 'cifar100', kind: 'coarse' };
  return null;
}
