/**
 * What names a subset for records kept beside it (experiments, the run history): a label for
 * people and a signature that is the same exactly when the images and their order are.
 */
import { FORMATS } from './formats.ts';
import type { CifarSubset } from './subset.ts';

/** FNV-1a over the labels: cheap, and different whenever images or their order differ. */
function labelHash(labels: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < labels.length; i++) h = Math.imul(h ^ labels[i], 0x01000193);
  return (h >>> 0).toString(16);
}

/** "CIFAR-10, 10 classes, 5000 / 1000 images". */
export function subsetLabel(subset: CifarSubset): string {
  const K = subset.classNames.length;
  return `${FORMATS[subset.format].title}, ${K} classes, ${subset.train.count} / ${subset.test.count} images`;
}

export function subsetSignature(subset: CifarSubset): string {
  return [
    subset.format,
    subset.classNames.join(','),
    subset.train.count,
    subset.test.count,
    labelHash(subset.train.labels),
    labelHash(subset.test.labels),
  ].join('|');
}
