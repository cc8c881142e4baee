import type { ParamSpec, ParamValue } from '../../core/methods/types.ts';
import { NumberField } from './NumberField.tsx';

interface ParamFieldProps {
  readonly spec: ParamSpec;
  readonly value: ParamValue;
  readonly onValue: (value: ParamValue) => void;
}

/** One method parameter, drawn from its ParamSpec: a number input, a checkbox or a select. */
export function ParamField({ spec, value, onValue }: ParamFieldProps) {
  const id = `param-${spec.name}`;
  if (spec.kind === 'boolean') {
    return (
      <label className="check" title={spec.description}>
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          onChange={(e) => onValue(e.target.checked)}
        />
        {spec.label}
      </label>
    );
  }
  return (
    <label className="field" htmlFor={id} title={spec.description}>
      <span>{spec.label}</span>
      {spec.kind === 'number' ? (
        <NumberField
          id={id}
          value={value as number}
          onValue={onValue}
          min={spec.min}
          max={spec.max}
          integer={spec.integer}
        />
      ) : (
        <select id={id} value={String(value)} onChange={(e) => onValue(e.target.value)}>
          {spec.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      )}
    </label>
  );
}
