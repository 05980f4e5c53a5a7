'use client';
import { useId, type ReactNode } from 'react';
import { cx } from '../class-names';
import styles from './choice.module.css';

export interface SwitchProps {
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  description?: ReactNode;
  disabled?: boolean;
  className?: string;
  name?: string;
}

/** On or off, taking effect at once (a setting), as opposed to a checkbox in a form that is saved later. */
export function Switch({ label, checked, onChange, description, disabled, className, name }: SwitchProps) {
  const labelId = useId();
  const descriptionId = useId();
  return (
    <label className={cx(styles.choice, className)} data-disabled={disabled || undefined}>
      <button
        type="button"
        role="switch"
        name={name}
        aria-checked={checked}
        aria-labelledby={labelId}
        aria-describedby={description ? descriptionId : undefined}
        disabled={disabled}
        className={styles.switch}
        onClick={() => onChange(!checked)}
      />
      <span>
        <span id={labelId}>{label}</span>
        {description && (
          <span id={descriptionId} className={styles.description}>
            {description}
          </span>
        )}
      </span>
    </label>
  );
}
