/** Settings of the labellings that have any (registry.ts); every run starts from the defaults. */

/** Where the class similarity for the `structure` labelling comes from. */
export type StructureSource = 'auto' | 'data' | 'superclass';

export interface LabellingOptions {
  /** The Hungarian labellings: epochs of warm-up before the one-off assignment. */
  readonly warmupEpochs: number;
  /** `sinkhorn`: temperature at the first and at the last epoch (geometric in between). */
  readonly sinkhornStart: number;
  readonly sinkhornEnd: number;
  /** `autoshuffle`: weight of the permutation penalty at the last epoch (rises linearly from 0). */
  readonly penaltyWeight: number;
  /** Adam's learning rate for the permutation's own parameters. */
  readonly permutationLearningRate: number;
  /** `structure`: superclasses when the data has them (auto), or class-mean similarity. */
  readonly structureSource: StructureSource;
}

export const DEFAULT_LABELLING_OPTIONS: LabellingOptions = {
  warmupEpochs: 1,
  sinkhornStart: 1,
  sinkhornEnd: 0.02,
  penaltyWeight: 0.05,
  permutationLearningRate: 0.05,
  structureSource: 'auto',
};
