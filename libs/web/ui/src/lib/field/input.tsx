'use client';
import type { InputHTMLAttributes, ReactNode, Ref, TextareaHTMLAttributes } from 'react';
import { cx } from '../class-names';
import { ControlFrame, Field, fieldStyles } from './field';

export interface LabelledProps {
  label: ReactNode;
  hideLabel?: boolean;
  hint?: ReactNode;
  error?: string;
  className?: string;
}

export interface InputProps extends LabelledProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'className'> {
  start?: ReactNode;
  end?: ReactNode;
  ref?: Ref<HTMLInputElement>;
}

export function Input({ label, hideLabel, hint, error, className, start, end, id, required, disabled, ...input }: InputProps) {
  return (
    <Field label={label} hideLabel={hideLabel} hint={hint} error={error} required={required} id={id} className={className}>
      {(control) => (
        <ControlFrame invalid={Boolean(error)} disabled={disabled} start={start} end={end}>
          <input {...input} {...control} required={required} disabled={disabled} className={fieldStyles.input} />
        </ControlFrame>
      )}
    </Field>
  );
}

export interface TextareaProps extends LabelledProps, Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'className'> {
  ref?: Ref<HTMLTextAreaElement>;
}

export function Textarea({ label, hideLabel, hint, error, className, id, required, disabled, ...textarea }: TextareaProps) {
  return (
    <Field label={label} hideLabel={hideLabel} hint={hint} error={error} required={required} id={id} className={className}>
      {(control) => (
        <ControlFrame invalid={Boolean(error)} disabled={disabled}>
          <textarea {...textarea} {...control} required={required} disabled={disabled} className={cx(fieldStyles.input)} />
        </ControlFrame>
      )}
    </Field>
  );
}
