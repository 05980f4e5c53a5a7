'use client';
import type { ReactNode } from 'react';
import { Button } from '../button/button';
import { cx } from '../class-names';
import { ControlFrame, Field, fieldStyles } from '../field/field';
import type { LabelledProps } from '../field/input';
import { useShopLocale } from '../locale/shop-locale';
import styles from './date-picker.module.css';
import { dayIn, formatDay, isIsoDay, presetRanges, type DayRange, type IsoDay } from './zoned-date';

export interface DatePickerProps extends LabelledProps {
  /** A calendar day in the shop's time zone (`2026-11-29`), or null. */
  value: IsoDay | null;
  onChange(day: IsoDay | null): void;
  min?: IsoDay;
  max?: IsoDay;
  required?: boolean;
  disabled?: boolean;
  name?: string;
}

/**
 * A day in the shop's time zone, picked with the platform's date control (keyboard, touch and screen
 * reader support included); the chosen day is repeated as the shop writes dates.
 */
export function DatePicker({ label, hideLabel, hint, error, className, value, onChange, min, max, required, disabled, name }: DatePickerProps) {
  const { locale } = useShopLocale();
  const spelled: ReactNode = value ? formatDay(value, locale, { dateStyle: 'full' }) : undefined;
  return (
    <Field label={label} hideLabel={hideLabel} hint={hint ?? spelled} error={error} required={required} className={className}>
      {(control) => (
        <ControlFrame invalid={Boolean(error)} disabled={disabled}>
          <input
            {...control}
            type="date"
            name={name}
            lang={locale}
            min={min}
            max={max}
            required={required}
            disabled={disabled}
            className={cx(fieldStyles.input, styles.date)}
            value={value ?? ''}
            onChange={(event) => onChange(isIsoDay(event.target.value) ? event.target.value : null)}
          />
        </ControlFrame>
      )}
    </Field>
  );
}

export interface DateRangePickerProps {
  legend: ReactNode;
  value: DayRange | null;
  onChange(range: DayRange | null): void;
  /** Offer Today, Yesterday, Last 7 days… counted from the shop's today. */
  presets?: boolean;
  error?: string;
  className?: string;
}

/** From and to days in the shop's time zone; `to` never before `from`. */
export function DateRangePicker({ legend, value, onChange, presets = true, error, className }: DateRangePickerProps) {
  const { timeZone } = useShopLocale();
  const today = dayIn(new Date(), timeZone);
  const setFrom = (from: IsoDay | null) => {
    if (!from) return onChange(null);
    onChange({ from, to: value && value.to >= from ? value.to : from });
  };
  const setTo = (to: IsoDay | null) => {
    if (!to) return onChange(null);
    onChange({ from: value && value.from <= to ? value.from : to, to });
  };
  return (
    <fieldset className={cx(styles.range, className)}>
      <legend className={styles.legend}>{legend}</legend>
      {presets && (
        <div className={styles.presets} role="group" aria-label="Quick ranges">
          {presetRanges(today).map((preset) => (
            <Button
              key={preset.id}
              size="small"
              className={styles.preset}
              aria-pressed={value?.from === preset.range.from && value.to === preset.range.to}
              onClick={() => onChange(preset.range)}
            >
              {preset.label}
            </Button>
          ))}
        </div>
      )}
      <div className={styles.fields}>
        <DatePicker label="From" value={value?.from ?? null} onChange={setFrom} max={value?.to} error={error} />
        <DatePicker label="To" value={value?.to ?? null} onChange={setTo} min={value?.from} />
      </div>
    </fieldset>
  );
}
