import type { Codebook } from '../core/math/codebook.ts';
import type { CifarSubset } from '../data/subset.ts';
import { coarseOfClasses } from '../train/experiment/runner.ts';
import { DEFAULT_LABELLING_OPTIONS } from '../train/labellings/options.ts';
import { getLabelling } from '../train/labellings/registry.ts';
import type { TrainConfig, TrainInput } from '../train/types.ts';

/**
 * What the training panel trains: the data panel's subset with the explorer's prototypes. Either
 * the input, or one sentence that tells the student what is missing and how to get it.
 */
export type TrainInputResult =
  | { readonly ok: true; readonly input: TrainInput; readonly classNames: readonly string[] }
  | { readonly ok: false; readonly problem: string };

export function buildTrainInput(
  subset: CifarSubset | null,
  prototypes: Codebook | null,
  config: TrainConfig,
): TrainInputResult {
  if (!subset) {
    return {
      ok: false,
      problem:
        'No training data yet: load CIFAR-10 or CIFAR-100 in the Data panel (pick or drop cifar-10-binary.tar.gz there).',
    };
  }
  const K = subset.classNames.length;
  if (K < 2) {
    return {
      ok: false,
      problem: `The subset has ${K} class; training needs at least two. Choose more classes in the Data panel.`,
    };
  }
  if (subset.test.count === 0) {
    return {
      ok: false,
      problem:
        'The subset has no test images, so accuracy cannot be measured. Load the test batch (test_batch.bin) too, or set test images a class above 0.',
    };
  }
  if (!prototypes) {
    return { ok: false, problem: 'The prototypes are still being made; wait a moment.' };
  }
  if (prototypes.N < K) {
    return {
      ok: false,
      problem: `There are ${K} classes but only N = ${prototypes.N} prototypes: every class needs its own. Set N to at least ${K} in the prototype controls, or choose fewer classes in the Data panel.`,
    };
  }
  const input: TrainInput = {
    // The page's own arrays: the training client sends copies (jobs/sliceCopy.ts for large
    // ones), so the data panel keeps these.
    train: { count: subset.train.count, pixels: subset.train.pixels, labels: subset.train.labels },
    test: { count: subset.test.count, pixels: subset.test.pixels, labels: subset.test.labels },
    classCount: K,
    prototypes: { N: prototypes.N, n: prototypes.n, data: Float64Array.from(prototypes.data) },
    config,
    coarseOfClass: coarseOfClasses(subset.train.labels, subset.train.coarseLabels, K),
  };
  // A labelling that cannot run on this data says so here, before anything is sent.
  const refusal = getLabelling(config.labelling ?? 'identity').refusal(
    input,
    DEFAULT_LABELLING_OPTIONS,
  );
  if (refusal !== null) return { ok: false, problem: refusal };
  return { ok: true, classNames: subset.classNames, input };
}
