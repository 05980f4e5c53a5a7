import type { InputHTMLAttributes } from 'react';
import styles from './auth-form.module.css';

/** A labelled input with its error, announced to screen readers through aria-describedby. */
export function FormField({ label, error, ...input }: InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; error?: string }) {
  const errorId = `${input.name}-error`;
  return (
    <label className={styles.field}>
      {label}
      <input {...input} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} />
      {error && (
        <span id={errorId} className={styles.fieldError}>
          {error}
        </span>
      )}
    </label>
  );
}

/** The first message per field of a problem's `errors`. */
export function fieldErrors(errors: { field: string; message: string }[] | undefined): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const error of errors ?? []) byField[error.field] ??= error.message;
  return byField;
}
