'use client';
import type { Ref, SelectHTMLAttributes } from 'react';
import { cx } from '../class-names';
import { ChevronDownIcon } from '../icons';
import { ControlFrame, Field, fieldStyles } from './field';
import type { LabelledProps } from './input';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectProps extends LabelledProps, Omit<SelectHTMLAttributes<HTMLSelectElement>, 'className' | 'children'> {
  options: readonly SelectOption[];
  /** A first option with an empty value (`All stores`). */
  placeholder?: string;
  ref?: Ref<HTMLSelectElement>;
}

/** The platform's select, styled: native keyboard and touch pickers on every device. */
export function Select({ label, hideLabel, hint, error, className, options, placeholder, id, required, disabled, ...select }: SelectProps) {
  return (
    <Field label={label} hideLabel={hideLabel} hint={hint} error={error} required={required} id={id} className={className}>
      {(control) => (
        <ControlFrame invalid={Boolean(error)} disabled={disabled} className={fieldStyles.selectControl}>
          <select {...select} {...control} required={required} disabled={disabled} className={cx(fieldStyles.input, fieldStyles.select)}>
            {placeholder !== undefined && <option value="">{placeholder}</option>}
            {options.map((option) => (
              <option key={option.value} value={option.value} disabled={option.disabled}>
                {option.label}
              </option>
            ))}
          </select>
          <span className={fieldStyles.selectChevron}>
            <ChevronDownIcon />
          </span>
        </ControlFrame>
      )}
    </Field>
  );
}
