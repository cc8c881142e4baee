import type * as TF from '@tensorflow/tfjs-core';

/** A trainable network: its weights and its forward pass to the raw n-dimensional output. */
export interface Network {
  readonly variables: TF.Variable[];
  /** x -> f(x), batch x n (not normalised). Call inside a tidy. */
  apply(x: TF.Tensor): TF.Tensor2D;
  dispose(): void;
}

/** A network with nothing in it left over from earlier names: variable names must be unique. */
let counter = 0;
export function uniqueName(base: string): string {
  counter += 1;
  return `${base}_${counter}`;
}
