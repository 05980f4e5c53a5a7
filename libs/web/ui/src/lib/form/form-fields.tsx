'use client';
import { useRef, type ReactNode } from 'react';
import { get, useController, useFormContext, type RegisterOptions } from 'react-hook-form';
import { Checkbox } from '../choice/checkbox';
import { Switch } from '../choice/switch';
import { DatePicker } from '../date/date-picker';
import { Input, Textarea, type InputProps, type TextareaProps } from '../field/input';
import { Select, type SelectOption } from '../field/select';
import { MoneyInput } from '../money/money-input';
import { NumberInput } from '../number/number-input';

interface BoundProps {
  name: string;
  rules?: RegisterOptions;
}

function useFieldError(name: string): string | undefined {
  const { formState } = useFormContext();
  const error = get(formState.errors, name) as { message?: string } | undefined;
  return error?.message;
}

/** A text input bound to the form by name; its API error shows under it. */
export function FormInput({ name, rules, ...props }: BoundProps & Omit<InputProps, 'name' | 'error'>) {
  const { register } = useFormContext();
  return <Input {...props} {...register(name, rules)} error={useFieldError(name)} />;
}

export function FormTextarea({ name, rules, ...props }: BoundProps & Omit<TextareaProps, 'name' | 'error'>) {
  const { register } = useFormContext();
  return <Textarea {...props} {...register(name, rules)} error={useFieldError(name)} />;
}

export function FormSelect({
  name,
  rules,
  label,
  options,
  placeholder,
  hint,
}: BoundProps & { label: ReactNode; options: readonly SelectOption[]; placeholder?: string; hint?: ReactNode }) {
  const { register } = useFormContext();
  return <Select label={label} options={options} placeholder={placeholder} hint={hint} {...register(name, rules)} error={useFieldError(name)} />;
}

/**
 * A typed number bound by name: text that does not read as a number (the input reports it) blocks
 * saving, and so does an empty required field; the API's error shows under it.
 */
function useTypedNumberField(name: string, rules: RegisterOptions | undefined, required: boolean | undefined, emptyMessage: string) {
  const problem = useRef<string>(undefined);
  const { field, fieldState } = useController({
    name,
    rules: { ...rules, validate: (value: number | null) => problem.current ?? (required && value === null ? emptyMessage : true) },
  });
  return {
    name: field.name,
    ref: field.ref,
    value: field.value as number | null,
    onChange: field.onChange,
    onBlur: field.onBlur,
    onValidityChange: (next: string | undefined) => {
      problem.current = next;
    },
    error: fieldState.error?.message,
  };
}

/** Money in minor units, typed in the shop's locale; text that does not read as an amount blocks saving. */
export function FormMoneyInput({
  name,
  rules,
  label,
  hint,
  required,
  allowNegative,
}: BoundProps & { label: ReactNode; hint?: ReactNode; required?: boolean; allowNegative?: boolean }) {
  const bound = useTypedNumberField(name, rules, required, 'Enter an amount.');
  return <MoneyInput label={label} hint={hint} required={required} allowNegative={allowNegative} {...bound} />;
}

export function FormNumberInput({
  name,
  rules,
  label,
  hint,
  required,
  fractionDigits,
  min,
  max,
  unit,
}: BoundProps & { label: ReactNode; hint?: ReactNode; required?: boolean; fractionDigits?: number; min?: number; max?: number; unit?: ReactNode }) {
  const bound = useTypedNumberField(name, rules, required, 'Enter a number.');
  return <NumberInput label={label} hint={hint} required={required} fractionDigits={fractionDigits} min={min} max={max} unit={unit} {...bound} />;
}

export function FormCheckbox({ name, rules, label, description }: BoundProps & { label: ReactNode; description?: ReactNode }) {
  const { register } = useFormContext();
  return <Checkbox label={label} description={description} {...register(name, rules)} />;
}

export function FormSwitch({ name, label, description }: BoundProps & { label: ReactNode; description?: ReactNode }) {
  const { field } = useController({ name });
  return <Switch label={label} description={description} name={field.name} checked={Boolean(field.value)} onChange={field.onChange} />;
}

export function FormDatePicker({ name, rules, label, hint, required }: BoundProps & { label: ReactNode; hint?: ReactNode; required?: boolean }) {
  const { field, fieldState } = useController({ name, rules });
  return (
    <DatePicker
      label={label}
      hint={hint}
      required={required}
      name={field.name}
      value={field.value as string | null}
      onChange={field.onChange}
      error={fieldState.error?.message}
    />
  );
}
