'use client';
import { useState, type ChangeEvent } from 'react';
import type { ParsedUnits } from './number-text';

export interface TypedNumberOptions {
  value: number | null;
  onChange(value: number | null): void;
  /** Called with a reason while the text cannot be read, and with undefined once it can. */
  onValidityChange?(problem: string | undefined): void;
  parse(text: string): ParsedUnits;
  format(value: number): string;
  /** A change here re-writes the text (the shop switched locale). */
  formatKey: string;
}

/**
 * The text of a number field and the number it stands for. The field keeps what the person types
 * (`12,5`) and reports the number as soon as it reads; on blur the text is written out in full
 * (`12,50`). A value set from outside (a form reset) replaces the text.
 */
export function useTypedNumber({ value, onChange, onValidityChange, parse, format, formatKey }: TypedNumberOptions) {
  const written = (next: number | null) => (next === null ? '' : format(next));
  const [text, setText] = useState(() => written(value));
  const [problem, setProblem] = useState<string>();
  const [seen, setSeen] = useState({ value, formatKey });

  if (seen.value !== value || seen.formatKey !== formatKey) {
    setSeen({ value, formatKey });
    const current = parse(text);
    if (seen.formatKey !== formatKey || !current.ok || current.units !== value) {
      setText(written(value));
      setProblem(undefined);
    }
  }

  const report = (next: string | undefined) => {
    if (next !== problem) onValidityChange?.(next);
    setProblem(next);
  };

  return {
    text,
    problem,
    onChange(event: ChangeEvent<HTMLInputElement>) {
      const next = event.target.value;
      setText(next);
      const parsed = parse(next);
      if (!parsed.ok) {
        report(parsed.reason);
        return;
      }
      report(undefined);
      if (parsed.units !== value) {
        setSeen({ value: parsed.units, formatKey });
        onChange(parsed.units);
      }
    },
    onBlur() {
      const parsed = parse(text);
      if (parsed.ok) setText(written(parsed.units));
    },
  };
}
