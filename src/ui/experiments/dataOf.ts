/** The loaded subset as an experiment's data and its signature (same images, same order). */
import type { CifarDataset } from '../../data/dataset.ts';
import { FORMATS } from '../../data/formats.ts';
import type { CifarSubset } from '../../data/subset.ts';
import type { ExperimentDataset } from '../../state/experimentsStore.ts';
import { coarseOfClasses, type ExperimentData } from '../../train/experiment/runner.ts';

/** FNV-1a over the labels: cheap, and different whenever images or their order differ. */
function labelHash(labels: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < labels.length; i++) h = Math.imul(h ^ labels[i], 0x01000193);
  return (h >>> 0).toString(16);
}

export function experimentDataOf(
  subset: CifarSubset,
  dataset: CifarDataset | null,
): { dataset: ExperimentDataset; data: ExperimentData } {
  const K = subset.classNames.length;
  const coarse = coarseOfClasses(subset.train.labels, subset.train.coarseLabels, K);
  return {
    dataset: {
      label: `${FORMATS[subset.format].title}, ${K} classes, ${subset.train.count} / ${subset.test.count} images`,
      classNames: [...subset.classNames],
      coarseOfClass: coarse,
      coarseNames: dataset?.coarseNames ? [...dataset.coarseNames] : null,
      signature: [
        subset.format,
        subset.classNames.join(','),
        subset.train.count,
        subset.test.count,
        labelHash(subset.train.labels),
        labelHash(subset.test.labels),
      ].join('|'),
    },
    data: {
      train: {
        count: subset.train.count,
        pixels: subset.train.pixels,
        labels: subset.train.labels,
      },
      test: { count: subset.test.count, pixels: subset.test.pixels, labels: subset.test.labels },
      classNames: [...subset.classNames],
      coarseOfClass: coarse,
    },
  };
}
