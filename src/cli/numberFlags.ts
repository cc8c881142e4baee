import { DEFAULT_TRAIN_CONFIG, TRAIN_LIMITS, type TrainConfig } from '../train/types.ts';
import { UsageError } from './args.ts';

/** A whole-number flag value within [min, max], or a UsageError naming the flag. */
export function wholeFlag(flag: string, text: string, min: number, max: number): number {
  const x = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(x) || x < min || x > max) {
    throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return x;
}

/** A decimal number flag value within [min, max] (no hex, no "Infinity"), or a UsageError. */
export function realFlag(flag: string, text: string, min: number, max: number): number {
  const x = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(x) || x < min || x > max) {
    throw new UsageError(`--${flag} must be a number from ${min} to ${max}, got "${text}"`);
  }
  return x;
}

/**
 * The optimiser's flags, `--lr`, `--batch` and `--tau`, read the same way by `train` and
 * `experiment` (ranges from TRAIN_LIMITS, defaults from DEFAULT_TRAIN_CONFIG).
 */
export function optimiserFlags(
  value: (name: string) => string | undefined,
): Pick<TrainConfig, 'learningRate' | 'batchSize' | 'tau'> {
  const L = TRAIN_LIMITS;
  const D = DEFAULT_TRAIN_CONFIG;
  const read = (name: string, parse: (text: string) => number, fallback: number) => {
    const text = value(name);
    return text === undefined ? fallback : parse(text);
  };
  return {
    learningRate: read(
      'lr',
      (v) => realFlag('lr', v, L.learningRate.min, L.learningRate.max),
      D.learningRate,
    ),
    batchSize: read(
      'batch',
      (v) => wholeFlag('batch', v, L.batchSize.min, L.batchSize.max),
      D.batchSize,
    ),
    tau: read('tau', (v) => realFlag('tau', v, L.tau.min, L.tau.max), D.tau),
  };
}
