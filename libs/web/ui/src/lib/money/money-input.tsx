'use client';
import type { FocusEvent, ReactNode, Ref } from 'react';
import { ControlFrame, Field, fieldStyles } from '../field/field';
import type { LabelledProps } from '../field/input';
import { cx } from '../class-names';
import { useShopLocale } from '../locale/shop-locale';
import { useTypedNumber } from '../number/use-typed-number';
import { VisuallyHidden } from '../visually-hidden';
import { currencyAffix, formatMoneyInput, parseMoney } from './money-text';

export interface MoneyInputProps extends LabelledProps {
  /** Minor units of the currency (cents), or null for no amount. */
  value: number | null;
  onChange(minor: number | null): void;
  onValidityChange?(problem: string | undefined): void;
  onBlur?(event: FocusEvent<HTMLInputElement>): void;
  /** The shop's by default. */
  currency?: string;
  /** The shop's by default: `12,50` is typed in de-DE, `12.50` in en-US. */
  locale?: string;
  allowNegative?: boolean;
  name?: string;
  id?: string;
  required?: boolean;
  disabled?: boolean;
  placeholder?: string;
  ref?: Ref<HTMLInputElement>;
}

/** An amount typed as the shop writes money, held and reported in minor units. */
export function MoneyInput({
  label,
  hideLabel,
  hint,
  error,
  className,
  value,
  onChange,
  onValidityChange,
  onBlur,
  currency,
  locale,
  allowNegative,
  ref,
  id,
  required,
  disabled,
  ...input
}: MoneyInputProps) {
  const shop = useShopLocale();
  const activeLocale = locale ?? shop.locale;
  const activeCurrency = currency ?? shop.currency;
  const typed = useTypedNumber({
    value,
    onChange,
    onValidityChange,
    parse: (text) => parseMoney(text, activeLocale, activeCurrency, { allowNegative }),
    format: (minor) => formatMoneyInput(minor, activeLocale, activeCurrency),
    formatKey: `${activeLocale}:${activeCurrency}`,
  });
  const affix = currencyAffix(activeLocale, activeCurrency);
  const fullLabel: ReactNode = (
    <>
      {label}
      <VisuallyHidden> ({activeCurrency})</VisuallyHidden>
    </>
  );
  return (
    <Field label={fullLabel} hideLabel={hideLabel} hint={hint} error={error ?? typed.problem} required={required} id={id} className={className}>
      {(control) => (
        <ControlFrame
          invalid={Boolean(error ?? typed.problem)}
          disabled={disabled}
          start={affix.position === 'start' ? affix.symbol : undefined}
          end={affix.position === 'end' ? affix.symbol : undefined}
        >
          <input
            {...input}
            {...control}
            ref={ref}
            required={required}
            disabled={disabled}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            lang={activeLocale}
            className={cx(fieldStyles.input, fieldStyles.numeric)}
            value={typed.text}
            onChange={typed.onChange}
            onBlur={(event) => {
              typed.onBlur();
              onBlur?.(event);
            }}
          />
        </ControlFrame>
      )}
    </Field>
  );
}
