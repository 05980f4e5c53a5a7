'use client';
import { useEffect, useRef, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { cx } from '../class-names';
import { visuallyHiddenClass } from '../visually-hidden';
import styles from './choice.module.css';

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  label: ReactNode;
  hideLabel?: boolean;
  description?: ReactNode;
  /** Some but not all of what it stands for are checked (select-all in a table). */
  indeterminate?: boolean;
  ref?: Ref<HTMLInputElement>;
}

export function Checkbox({ label, hideLabel, description, indeterminate = false, className, disabled, ref, ...input }: CheckboxProps) {
  const own = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (own.current) own.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <label className={cx(styles.choice, hideLabel && styles.compact, className)} data-disabled={disabled || undefined}>
      <input
        {...input}
        ref={(node) => {
          own.current = node;
          if (typeof ref === 'function') ref(node);
          else if (ref) ref.current = node;
        }}
        type="checkbox"
        disabled={disabled}
        className={styles.box}
      />
      <span className={hideLabel ? visuallyHiddenClass : undefined}>
        {label}
        {description && <span className={styles.description}>{description}</span>}
      </span>
    </label>
  );
}
