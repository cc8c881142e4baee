/**
 * Proven optimal minimum angles (degrees) of N points on S^2: the Tammes problem (SCIENCE.md).
 * Reference values from the literature, for drawing "best known" and for checking optimisers
 * and bounds; never used to produce a result.
 */
export const TAMMES_OPTIMA: readonly (readonly [N: number, degrees: number])[] = [
  [4, 109.4712],
  [5, 90],
  [6, 90],
  [7, 77.8695],
  [8, 74.8585],
  [9, 70.5288],
  [10, 66.1468],
  [11, 63.4349],
  [12, 63.4349],
  [13, 57.1367],
  [14, 55.6706],
  [24, 43.6908],
];
