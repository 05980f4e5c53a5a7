import { registerDecorator, ValidationOptions } from 'class-validator';
import { isSupportedLocale } from '@kassa/contracts';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** An ISO 4217 currency code, upper case (`EUR`). */
export function IsCurrencyCode(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCurrencyCode',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be an ISO 4217 currency code such as EUR`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && CURRENCIES.has(value) },
    });
}

/** An IANA time zone name (`Europe/Berlin`). */
export function IsTimeZone(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be an IANA time zone such as Europe/Berlin`, ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && (value === 'UTC' || value.includes('/')) && isTimeZone(value),
      },
    });
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))?)?$/;

/** A day that exists in the calendar, years 1–9999 (PostgreSQL refuses year 0 and February 30th alike). */
function isExistingDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `YYYY-MM-DD`, a day that exists. */
export function isCalendarDate(value: unknown): boolean {
  const match = typeof value === 'string' ? DAY.exec(value) : null;
  return match !== null && isExistingDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** ISO 8601 (`2026-11-26T09:30:00.000Z`, an offset, or a bare day) on a day and at a time that exist. */
export function isTimestamp(value: unknown): boolean {
  const match = typeof value === 'string' ? TIMESTAMP.exec(value) : null;
  if (!match) return false;
  const [, year, month, day, hour = '0', minute = '0', second = '0', offsetHours = '0', offsetMinutes = '0'] = match;
  return (
    isExistingDay(Number(year), Number(month), Number(day)) &&
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    Number(second) <= 59 &&
    Number(offsetHours) <= 14 &&
    Number(offsetMinutes) <= 59
  );
}

/** A calendar day `YYYY-MM-DD` that exists (no February 30th). */
export function IsCalendarDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a date that exists, such as 2026-11-26`, ...options },
      validator: { validate: isCalendarDate },
    });
}

/** An ISO 8601 timestamp whose day and time exist (class-validator's IsISO8601 lets February 30th through). */
export function IsTimestamp(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isTimestamp',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be an ISO 8601 time that exists, such as 2026-11-26T09:30:00Z`, ...options },
      validator: { validate: isTimestamp },
    });
}

/** A BCP 47 language tag that numbers and dates can be formatted in (`de-DE`). */
export function IsLocaleTag(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isLocaleTag',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a BCP 47 language tag such as de-DE`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isSupportedLocale(value) },
    });
}
