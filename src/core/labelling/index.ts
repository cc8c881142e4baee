/**
 * Labellings: which prototype each class is trained towards and decoded from. Separation and
 * mutual information do not depend on it, accuracy does (the talk's point 3), so the lab
 * compares these (the labellings themselves are src/train/labellings/registry.ts):
 * - identity: class k -> prototype k, dataset order = the authors' codeword order.
 * - random: a seeded random permutation, the baseline.
 * - hungarian / hungarian-epoch: Hungarian on normalised class means (DL2PA), once after a
 *   warm-up or every epoch.
 * - sinkhorn: a learned soft permutation, Sinkhorn-normalised logits at an annealed
 *   temperature, rounded to a permutation by Hungarian.
 * - autoshuffle: a learned doubly stochastic matrix pushed to a permutation by the exact
 *   Lipschitz penalty of AutoShuffleNet, rounded by Hungarian.
 * - structure: class similarity (data or superclasses) matched to the prototype Gram matrix.
 */

// sinkhorn: the temperature schedule.
export { type AnnealingSchedule, annealedTemperature } from './annealing.ts';
// autoshuffle: the penalty and the projection back to doubly stochastic.
export {
  autoshufflePenalty,
  type ProjectionOptions,
  projectToDoublyStochastic,
} from './autoshuffle.ts';
// hungarian / hungarian-epoch: class means and their best assignment.
export { classMeanAssignment, normalisedClassMeans } from './classMeanAssignment.ts';
// Exact linear assignment, behind every hard labelling here.
export { assignmentTotal, type HungarianOptions, hungarian, hungarianMax } from './hungarian.ts';
// identity, random, and applying, composing and inverting labellings on codebooks.
export {
  applyLabelling,
  checkLabelling,
  composeLabellings,
  identityLabelling,
  invertLabelling,
  isPermutation,
  type Labelling,
  permutationMatrix,
  randomLabelling,
} from './permutation.ts';
// sinkhorn: the normalisation, and rounding any soft matrix to a permutation.
export {
  roundToPermutation,
  type SinkhornOptions,
  type SinkhornResult,
  sinkhorn,
} from './sinkhorn.ts';
// structure: the quadratic-assignment heuristic and superclass similarity.
export {
  matchStructure,
  type StructureMatchingOptions,
  type StructureMatchingResult,
  structureObjective,
  superclassSimilarity,
} from './structureMatching.ts';
