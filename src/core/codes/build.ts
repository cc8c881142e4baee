/**
 * From (code family, N, n, fit, selection, seed) to prototypes: plan the code, build its
 * generator, select N messages, encode them and map the words to the sphere with gamma.
 */
import type { BinaryWords } from '../math/binaryWords.ts';
import type { Codebook } from '../math/codebook.ts';
import type { CodeInfo } from '../methods/types.ts';
import { gammaCodebook } from './gamma.ts';
import { encodeMessages } from './gf2.ts';
import { canEnumerate, codewordWeights, trueMinimumDistance } from './linearCode.ts';
import type { CodeFamily, CodePlan, FitMode } from './plan.ts';
import { buildPlannedCode, planCode } from './plan.ts';
import type { SelectionRule } from './select.ts';
import { greedySelection, selectionMinimumDistance, selectMessages } from './select.ts';

export interface CodePrototypeRequest {
  readonly family: CodeFamily;
  readonly N: number;
  readonly n: number;
  readonly fit: FitMode;
  readonly selection: SelectionRule;
  readonly seed: number;
  /** RM order r; 0 (or absent) = automatic. Ignored for BCH. */
  readonly order?: number;
}

export interface CodePrototypes {
  /** The N selected codewords (length L): word c is class c. */
  readonly binary: BinaryWords;
  /** Their messages (k bits each), in class order. */
  readonly messages: BinaryWords;
  /** gamma images in R^n (zeros after the first L coordinates). */
  readonly codebook: Codebook;
  readonly code: CodeInfo;
  readonly plan: CodePlan;
}

/** The prototypes, or a sentence saying why this request cannot be met. */
export function buildCodePrototypes(request: CodePrototypeRequest): CodePrototypes | string {
  const { family, N, n, fit, selection, seed } = request;
  const plan = planCode(family, N, n, fit, request.order ?? 0);
  if (typeof plan === 'string') return plan;
  const code = buildPlannedCode(plan);
  const g = code.generator;
  if (g.count !== plan.k || g.length !== plan.length) {
    throw new Error(
      `built [${g.length},${g.count}] but planned [${plan.length},${plan.k}] for ${plan.name}`,
    );
  }
  // One enumeration of all 2^k codewords (when cheap) gives the true minimum distance, O(1)
  // distances for greedy selection and for measuring the selected set.
  const weights = canEnumerate(g) ? codewordWeights(g) : null;
  // Greedy subcodes of RM keep the first-order rows (all-ones and the m coordinate rows).
  const keepRows = plan.family === 'rm' ? plan.m + 1 : 0;
  const options = { seed, weights, keepRows };
  const greedy = selection === 'greedy' ? greedySelection(code, N, options) : null;
  const messages = greedy ? greedy.messages : selectMessages(code, N, selection, options);
  const binary = encodeMessages(g, messages);
  const d = greedy ? greedy.minDistance : selectionMinimumDistance(code, messages, binary, weights);
  return {
    binary,
    messages,
    codebook: gammaCodebook(binary, n),
    plan,
    code: {
      name: plan.name,
      n: plan.length,
      k: plan.k,
      d,
      designedDistance: plan.designedDistance,
      minimumDistance: trueMinimumDistance(code, weights),
    },
  };
}
