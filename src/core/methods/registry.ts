import { bchMethod } from './bch.ts';
import { bestMethod } from './best.ts';
import { lseMethod } from './lse.ts';
import { mettesMethod } from './mettes.ts';
import { resolveParams } from './params.ts';
import { rmMethod } from './rm.ts';
import {
  kasarlaMethod,
  onehotMethod,
  orthoplexMethod,
  polygonMethod,
  randomMethod,
} from './simple.ts';
import type {
  MethodId,
  MethodInput,
  MethodResult,
  MethodStepState,
  ParamValue,
  ParamValues,
  PrototypeMethod,
} from './types.ts';

/** Every method, in the order menus show them. */
export const METHODS: readonly PrototypeMethod[] = [
  randomMethod,
  onehotMethod,
  orthoplexMethod,
  kasarlaMethod,
  polygonMethod,
  mettesMethod,
  lseMethod,
  rmMethod,
  bchMethod,
  bestMethod,
];

/** Allowed sizes everywhere (CLI, UI, URL). */
export const LIMITS = {
  N: { min: 2, max: 20000 },
  n: { min: 2, max: 4096 },
  /** N * n numbers in a codebook (800 MB as Float64). */
  entries: { max: 1e8 },
  seed: { min: 0, max: 2 ** 32 - 1 },
} as const;

/** Bad input (an unknown method, an out-of-range number): the caller's to fix. */
export class InputError extends Error {
  override name = 'InputError';
}

/** The method cannot run at this (N, n); the message says why and what would work. */
export class InfeasibleError extends Error {
  override name = 'InfeasibleError';
}

export function getMethod(id: string): PrototypeMethod {
  const m = METHODS.find((x) => x.id === id);
  if (!m) {
    throw new InputError(
      `unknown method "${id}" (allowed: ${METHODS.map((x) => x.id).join(', ')})`,
    );
  }
  return m;
}

/** A method's name for people (its label), or the id itself when it is no method. */
export function methodLabel(id: string): string {
  return METHODS.find((m) => m.id === id)?.label ?? id;
}

export function isMethodId(id: string): id is MethodId {
  return METHODS.some((m) => m.id === id);
}

export interface RunRequest {
  readonly method: string;
  readonly N: number;
  readonly n: number;
  readonly seed?: number;
  readonly params?: Readonly<Record<string, ParamValue | undefined>>;
  readonly onProgress?: (fraction: number) => void;
  readonly shouldStop?: () => boolean;
  readonly now?: () => number;
  readonly onStep?: (state: MethodStepState) => void;
}

function checkInteger(name: string, value: number, range: { min: number; max: number }): void {
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new InputError(
      `${name} must be a whole number from ${range.min} to ${range.max}, got ${value}`,
    );
  }
}

/**
 * Checks a request completely before any work starts: sizes and parameters (InputError), then
 * whether the method can run at this (N, n) (InfeasibleError). Returns the method's input.
 */
export function prepareRun(request: RunRequest): MethodInput {
  const method = getMethod(request.method);
  const { N, n } = request;
  const seed = request.seed ?? 0;
  checkInteger('N', N, LIMITS.N);
  checkInteger('n', n, LIMITS.n);
  if (N * n > LIMITS.entries.max) {
    throw new InputError(
      `N * n must be at most ${LIMITS.entries.max} (N * n numbers make the prototypes), got ${N} * ${n} = ${N * n}`,
    );
  }
  checkInteger('seed', seed, LIMITS.seed);
  let params: ParamValues;
  try {
    params = resolveParams(method.params, request.params ?? {});
  } catch (e) {
    throw new InputError(`${method.id}: ${(e as Error).message}`);
  }
  const reason = method.feasibility(N, n, params);
  if (reason) throw new InfeasibleError(`${method.id} cannot run at N = ${N}, n = ${n}: ${reason}`);
  return {
    N,
    n,
    seed,
    params,
    onProgress: request.onProgress,
    shouldStop: request.shouldStop,
    now: request.now,
    onStep: request.onStep,
  };
}

/** The one entry point for making prototypes: prepareRun, then the method's run. */
export function runMethod(request: RunRequest): MethodResult {
  return getMethod(request.method).run(prepareRun(request));
}
