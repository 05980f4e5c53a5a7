'use client';
import { useId, type ReactNode } from 'react';
import { cx } from '../class-names';
import styles from './choice.module.css';

export interface RadioOption {
  value: string;
  label: ReactNode;
  description?: ReactNode;
  disabled?: boolean;
}

export interface RadioGroupProps {
  legend: ReactNode;
  options: readonly RadioOption[];
  value: string | undefined;
  onChange(value: string): void;
  name?: string;
  error?: string;
  direction?: 'horizontal' | 'vertical';
  className?: string;
}

/** One of a few choices, all visible; arrow keys move between them (the browser's radio behaviour). */
export function RadioGroup({ legend, options, value, onChange, name, error, direction = 'vertical', className }: RadioGroupProps) {
  const generated = useId();
  const groupName = name ?? generated;
  const errorId = `${groupName}-error`;
  return (
    <fieldset className={cx(styles.group, className)} aria-describedby={error ? errorId : undefined}>
      <legend className={styles.legend}>{legend}</legend>
      <div className={styles.options} data-direction={direction}>
        {options.map((option) => (
          <label key={option.value} className={styles.choice} data-disabled={option.disabled || undefined}>
            <input
              type="radio"
              name={groupName}
              value={option.value}
              checked={value === option.value}
              disabled={option.disabled}
              onChange={() => onChange(option.value)}
              className={cx(styles.box, styles.radio)}
            />
            <span>
              {option.label}
              {option.description && <span className={styles.description}>{option.description}</span>}
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} className={styles.error}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
