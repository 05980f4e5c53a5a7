'use client';
import { useId, type ReactNode } from 'react';
import { cx } from '../class-names';
import { AlertIcon } from '../icons';
import { visuallyHiddenClass } from '../visually-hidden';
import styles from './field.module.css';

/** Ids and states a field hands to its control so label, hint and error are announced with it. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
}

export interface FieldProps {
  label: ReactNode;
  /** Keeps the label for screen readers only (compact filters in a toolbar). */
  hideLabel?: boolean;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  id?: string;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** A label, the control, a hint and the error, wired together by id. */
export function Field({ label, hideLabel, hint, error, required, id, className, children }: FieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cx(styles.field, className)}>
      <label htmlFor={controlId} className={hideLabel ? visuallyHiddenClass : styles.label}>
        {label}
        {required && (
          <span className={styles.required} aria-hidden="true">
            *
          </span>
        )}
      </label>
      {children({ id: controlId, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined, 'aria-required': required ? true : undefined })}
      {error && (
        <span id={errorId} className={styles.error}>
          <AlertIcon />
          {error}
        </span>
      )}
      {hint && (
        <span id={hintId} className={styles.hint}>
          {hint}
        </span>
      )}
    </div>
  );
}

export interface ControlFrameProps {
  invalid?: boolean;
  disabled?: boolean;
  start?: ReactNode;
  end?: ReactNode;
  className?: string;
  children: ReactNode;
}

/** The bordered box around an input and its adornments (currency, unit, icon). */
export function ControlFrame({ invalid, disabled, start, end, className, children }: ControlFrameProps) {
  return (
    <div className={cx(styles.control, className)} data-invalid={invalid || undefined} data-disabled={disabled || undefined}>
      {start !== undefined && (
        <span className={styles.adornment} aria-hidden="true">
          {start}
        </span>
      )}
      {children}
      {end !== undefined && (
        <span className={styles.adornment} aria-hidden="true">
          {end}
        </span>
      )}
    </div>
  );
}

export const fieldStyles = styles;
