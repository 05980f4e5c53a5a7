'use client';
import type { FocusEvent, KeyboardEvent, ReactNode, Ref } from 'react';
import { cx } from '../class-names';
import { ControlFrame, Field, fieldStyles } from '../field/field';
import type { LabelledProps } from '../field/input';
import { useShopLocale } from '../locale/shop-locale';
import { formatUnits, parseUnits } from './number-text';
import { useTypedNumber } from './use-typed-number';

export interface NumberInputProps extends LabelledProps {
  value: number | null;
  onChange(value: number | null): void;
  onValidityChange?(problem: string | undefined): void;
  onBlur?(event: FocusEvent<HTMLInputElement>): void;
  /** Decimals allowed (0: whole numbers, the default). */
  fractionDigits?: number;
  min?: number;
  max?: number;
  /** Arrow Up/Down change the value by this much. */
  step?: number;
  /** A unit after the number (`pcs`, `%`). */
  unit?: ReactNode;
  locale?: string;
  name?: string;
  id?: string;
  required?: boolean;
  disabled?: boolean;
  placeholder?: string;
  ref?: Ref<HTMLInputElement>;
}

/** A number typed as the shop writes numbers, with bounds and arrow-key steps. */
export function NumberInput({
  label,
  hideLabel,
  hint,
  error,
  className,
  value,
  onChange,
  onValidityChange,
  onBlur,
  fractionDigits = 0,
  min,
  max,
  step = 1,
  unit,
  locale,
  ref,
  id,
  required,
  disabled,
  ...input
}: NumberInputProps) {
  const shop = useShopLocale();
  const activeLocale = locale ?? shop.locale;
  const scale = 10 ** fractionDigits;
  const typed = useTypedNumber({
    value,
    onChange,
    onValidityChange,
    parse: (text) => {
      const parsed = parseUnits(text, activeLocale, { fractionDigits, allowNegative: min === undefined || min < 0 });
      if (!parsed.ok || parsed.units === null) return parsed;
      const number = parsed.units / scale;
      if (min !== undefined && number < min) return { ok: false, reason: `Enter ${formatUnits(min * scale, activeLocale, fractionDigits)} or more.` };
      if (max !== undefined && number > max) return { ok: false, reason: `Enter ${formatUnits(max * scale, activeLocale, fractionDigits)} or less.` };
      return { ok: true, units: number };
    },
    format: (number) => formatUnits(Math.round(number * scale), activeLocale, fractionDigits),
    formatKey: activeLocale,
  });

  const stepBy = (event: KeyboardEvent<HTMLInputElement>, direction: 1 | -1) => {
    event.preventDefault();
    const next = Math.round(((value ?? 0) + direction * step) * scale) / scale;
    if ((min !== undefined && next < min) || (max !== undefined && next > max)) return;
    onChange(next);
  };
  return (
    <Field label={label} hideLabel={hideLabel} hint={hint} error={error ?? typed.problem} required={required} id={id} className={className}>
      {(control) => (
        <ControlFrame invalid={Boolean(error ?? typed.problem)} disabled={disabled} end={unit}>
          <input
            {...input}
            {...control}
            ref={ref}
            required={required}
            disabled={disabled}
            type="text"
            inputMode={fractionDigits > 0 ? 'decimal' : 'numeric'}
            autoComplete="off"
            lang={activeLocale}
            className={cx(fieldStyles.input, fieldStyles.numeric)}
            value={typed.text}
            onChange={typed.onChange}
            onBlur={(event) => {
              typed.onBlur();
              onBlur?.(event);
            }}
            onKeyDown={(event) => {
              if (event.key === 'ArrowUp') stepBy(event, 1);
              if (event.key === 'ArrowDown') stepBy(event, -1);
            }}
          />
        </ControlFrame>
      )}
    </Field>
  );
}
