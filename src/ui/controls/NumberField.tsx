import { useState } from 'react';

interface NumberFieldProps {
  readonly id: string;
  readonly value: number;
  readonly onValue: (value: number) => void;
  readonly min?: number;
  readonly max?: number;
  /** Whole numbers only (step 1); otherwise any decimal. */
  readonly integer?: boolean;
  readonly title?: string;
}

/**
 * A number input that keeps its own text, so half-typed values ("", "0." on the way to "0.05")
 * stay as typed; every change is passed on as a number (the store reports the ones it cannot
 * use). When the value changes from elsewhere (a link, Reset), the text follows.
 */
export function NumberField({ id, value, onValue, min, max, integer, title }: NumberFieldProps) {
  const [text, setText] = useState(String(value));
  const [seen, setSeen] = useState(value);
  if (!Object.is(value, seen)) {
    setSeen(value);
    if (!Object.is(Number(text), value)) setText(String(value));
  }
  return (
    <input
      id={id}
      type="number"
      inputMode={integer ? 'numeric' : 'decimal'}
      min={min}
      max={max}
      step={integer ? 1 : 'any'}
      value={text}
      title={title}
      onChange={(e) => {
        setText(e.target.value);
        onValue(e.target.value.trim() === '' ? Number.NaN : Number(e.target.value));
      }}
    />
  );
}
