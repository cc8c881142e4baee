import type { ParamSpec, ParamValue, ParamValues } from './types.ts';

/** The defaults of a parameter list, as a params object. */
export function defaultParams(specs: readonly ParamSpec[]): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const s of specs) out[s.name] = s.default;
  return out;
}

/**
 * Checks one value against its declaration. Returns null when it is valid, otherwise a message
 * that says what is wrong and what is allowed.
 */
export function validateParam(spec: ParamSpec, value: ParamValue): string | null {
  switch (spec.kind) {
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return `${spec.flag} must be a number between ${spec.min} and ${spec.max}`;
      }
      if (spec.integer && !Number.isInteger(value)) {
        return `${spec.flag} must be a whole number between ${spec.min} and ${spec.max}, got ${value}`;
      }
      if (value < spec.min || value > spec.max) {
        return `${spec.flag} must be between ${spec.min} and ${spec.max}, got ${value}`;
      }
      return null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : `${spec.flag} must be true or false`;
    case 'choice':
      return typeof value === 'string' && spec.options.includes(value)
        ? null
        : `${spec.flag} must be one of ${spec.options.join(', ')}, got ${String(value)}`;
  }
}

/** Fills in defaults and validates; throws a RangeError with a readable message on bad input. */
export function resolveParams(
  specs: readonly ParamSpec[],
  given: Readonly<Record<string, ParamValue | undefined>>,
): ParamValues {
  const out = defaultParams(specs);
  for (const [key, value] of Object.entries(given)) {
    if (value === undefined) continue;
    const spec = specs.find((s) => s.name === key);
    if (!spec) {
      const known = specs.map((s) => s.flag).join(', ') || 'none';
      throw new RangeError(`unknown parameter ${key} (this method takes: ${known})`);
    }
    const problem = validateParam(spec, value);
    if (problem) throw new RangeError(problem);
    out[key] = value;
  }
  return out;
}

export function numberParam(params: ParamValues, name: string): number {
  const v = params[name];
  if (typeof v !== 'number') throw new TypeError(`parameter ${name} is not a number`);
  return v;
}

export function booleanParam(params: ParamValues, name: string): boolean {
  const v = params[name];
  if (typeof v !== 'boolean') throw new TypeError(`parameter ${name} is not a boolean`);
  return v;
}

export function choiceParam(params: ParamValues, name: string): string {
  const v = params[name];
  if (typeof v !== 'string') throw new TypeError(`parameter ${name} is not a choice`);
  return v;
}

/** The shared `steps` parameter of the optimisers. */
export const stepsParam = (defaultSteps: number): ParamSpec => ({
  kind: 'number',
  name: 'steps',
  flag: 'steps',
  label: 'Steps',
  description: 'Number of optimisation steps.',
  default: defaultSteps,
  min: 1,
  max: 1_000_000,
  integer: true,
});

/**
 * The time budget of the published optimisers, in seconds: 0 means none (run all steps). With a
 * budget the run stops at whichever comes first, so results then depend on the machine's speed.
 */
export const budgetParam: ParamSpec = {
  kind: 'number',
  name: 'budget',
  flag: 'budget',
  label: 'Time budget (s)',
  description: 'Stop after this many seconds even if steps remain (0: no budget).',
  default: 0,
  min: 0,
  max: 3600,
};
