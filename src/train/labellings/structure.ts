/**
 * The `structure` labelling's assignment: similar classes get close prototypes. Similarity comes
 * from the superclasses (CIFAR-100) or from class means of the data (fast-mode features, else
 * centred pixels), and is matched to the prototype Gram matrix (a quadratic assignment).
 */
import { matchStructure, superclassSimilarity } from '../../core/labelling/index.ts';
import { createCodebook, gramMatrix } from '../../core/math/codebook.ts';
import { centredPixels, classSimilarity } from './classSimilarity.ts';
import type { LabellingContext } from './registry.ts';

export function structureAssignment(ctx: LabellingContext, seed: number): Int32Array {
  const { input, options } = ctx;
  const { classCount: K, prototypes, train } = input;
  const coarse = input.coarseOfClass ?? null;
  const fromHierarchy =
    coarse !== null &&
    (options.structureSource === 'superclass' || options.structureSource === 'auto');
  let S: Float64Array;
  if (fromHierarchy) S = superclassSimilarity(coarse);
  else {
    const features = ctx.features();
    S = features
      ? classSimilarity(features.train, features.width, train.labels, K)
      : classSimilarity(centredPixels(train.pixels, train.count), 3072, train.labels, K);
  }
  const G = gramMatrix(createCodebook(prototypes.N, prototypes.n, prototypes.data));
  return matchStructure(S, K, G, prototypes.N, { seed }).labelling;
}
