/**
 * The two official CIFAR binary formats (Krizhevsky, 2009), as published at
 * https://www.cs.toronto.edu/~kriz/cifar.html.
 *
 * Every record is one 32x32 colour image: its label byte(s), then 3072 pixel bytes (1024 red, then
 * 1024 green, then 1024 blue, each plane row-major).
 */
export type CifarFormat = 'cifar10' | 'cifar100';

export const IMAGE_SIDE = 32;
export const PIXELS_PER_IMAGE = 3 * IMAGE_SIDE * IMAGE_SIDE; // 3072

export interface FormatInfo {
  readonly id: CifarFormat;
  /** "CIFAR-10" or "CIFAR-100", for messages. */
  readonly title: string;
  /** Label bytes before the pixels: 1 (label) or 2 (coarse, then fine). */
  readonly labelBytes: 1 | 2;
  /** Bytes in one record: 3073 or 3074. */
  readonly recordSize: number;
  /** Number of (fine) classes. */
  readonly classes: number;
  /** Number of coarse classes (superclasses); 0 when there are none. */
  readonly coarseClasses: number;
}

export const FORMATS: Readonly<Record<CifarFormat, FormatInfo>> = {
  cifar10: {
    id: 'cifar10',
    title: 'CIFAR-10',
    labelBytes: 1,
    recordSize: 1 + PIXELS_PER_IMAGE,
    classes: 10,
    coarseClasses: 0,
  },
  cifar100: {
    id: 'cifar100',
    title: 'CIFAR-100',
    labelBytes: 2,
    recordSize: 2 + PIXELS_PER_IMAGE,
    classes: 100,
    coarseClasses: 20,
  },
};

export function isCifarFormat(value: unknown): value is CifarFormat {
  return value === 'cifar10' || value === 'cifar100';
}
