// Test support: small made-up datasets (no CIFAR bytes), shaped like the real ones.
import type { CifarBatch, CifarDataset } from '../dataset.ts';
import { type CifarFormat, FORMATS, PIXELS_PER_IMAGE } from '../formats.ts';
import { CIFAR100_COARSE_NAMES, defaultNames } from '../labelNames.ts';

/**
 * `perClass` images of every class, interleaved (class = index mod classes), split into
 * `batches` batches. Pixel bytes encode the class and the running index, so tests can tell
 * images apart. CIFAR-100 superclass of class c is c mod 20.
 */
export function syntheticBatches(
  format: CifarFormat,
  perClass: number,
  batches = 1,
  tag = 0,
): CifarBatch[] {
  const classes = FORMATS[format].classes;
  const total = classes * perClass;
  const out: CifarBatch[] = [];
  let k = 0;
  for (let b = 0; b < batches; b++) {
    const count = Math.floor(total / batches) + (b < total % batches ? 1 : 0);
    const labels = new Uint8Array(count);
    const coarse = format === 'cifar100' ? new Uint8Array(count) : null;
    const pixels = new Uint8Array(count * PIXELS_PER_IMAGE);
    for (let i = 0; i < count; i++, k++) {
      labels[i] = k % classes;
      if (coarse) coarse[i] = labels[i] % 20;
      pixels[i * PIXELS_PER_IMAGE] = labels[i];
      pixels[i * PIXELS_PER_IMAGE + 1] = k & 255;
      pixels[i * PIXELS_PER_IMAGE + 2] = (k >> 8) & 255;
      pixels[i * PIXELS_PER_IMAGE + 3] = tag;
    }
    out.push({ source: `batch_${b}`, count, labels, coarseLabels: coarse, pixels });
  }
  return out;
}

export function syntheticDataset(
  format: CifarFormat,
  trainPerClass: number,
  testPerClass: number,
): CifarDataset {
  return {
    format,
    classNames: defaultNames(format),
    coarseNames: format === 'cifar100' ? CIFAR100_COARSE_NAMES : null,
    train: syntheticBatches(format, trainPerClass, 3, 1),
    test: testPerClass > 0 ? syntheticBatches(format, testPerClass, 1, 2) : [],
    sources: ['synthetic'],
    warnings: [],
  };
}
