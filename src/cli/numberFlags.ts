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
