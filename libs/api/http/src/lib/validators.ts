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
        validate: (value: unknown) =>
          typeof value === 'string' && (value === 'UTC' || value.includes('/')) && isTimeZone(value),
      },
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
