/** The loaded subset as an experiment's data and its signature (same images, same order). */
import type { CifarDataset } from '../data/dataset.ts';
import type { CifarSubset } from '../data/subset.ts';
import { subsetLabel, subsetSignature } from '../data/subsetSignature.ts';
import { coarseOfClasses, type ExperimentData } from '../train/experiment/runner.ts';
import type { ExperimentDataset } from './experimentsStore.ts';

export function experimentDataOf(
  subset: CifarSubset,
  dataset: CifarDataset | null,
): { dataset: ExperimentDataset; data: ExperimentData } {
  const K = subset.classNames.length;
  const coarse = coarseOfClasses(subset.train.labels, subset.train.coarseLabels, K);
  return {
    dataset: {
      label: subsetLabel(subset),
      classNames: [...subset.classNames],
      coarseOfClass: coarse,
      coarseNames: dataset?.coarseNames ? [...dataset.coarseNames] : null,
      signature: subsetSignature(subset),
      testCount: subset.test.count,
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
