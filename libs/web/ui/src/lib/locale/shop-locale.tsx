'use client';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { dayIn, formatDay, type IsoDay } from '../date/zoned-date';
import { formatMoney } from '../money/money-text';

/** How the shop writes and types money, numbers and dates (GET /api/v1/tenant: locale, currency, time zone). */
export interface ShopLocale {
  locale: string;
  currency: string;
  timeZone: string;
}

// Before a shop is known (sign-in, the /ui page without a choice): the browser's own conventions.
const NEUTRAL: ShopLocale = { locale: 'en-US', currency: 'EUR', timeZone: 'UTC' };
const ShopLocaleContext = createContext<ShopLocale>(NEUTRAL);

export function ShopLocaleProvider({ value, children }: { value: ShopLocale; children: ReactNode }) {
  const { locale, currency, timeZone } = value;
  const memo = useMemo(() => ({ locale, currency, timeZone }), [locale, currency, timeZone]);
  return <ShopLocaleContext.Provider value={memo}>{children}</ShopLocaleContext.Provider>;
}

export function useShopLocale(): ShopLocale {
  return useContext(ShopLocaleContext);
}

export interface ShopFormat {
  money(minor: number): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** An instant as the shop's day and time, in the shop's zone. */
  dateTime(instant: string | Date, options?: Intl.DateTimeFormatOptions): string;
  day(day: IsoDay, options?: Intl.DateTimeFormatOptions): string;
  today(): IsoDay;
}

/** Formatting in the shop's locale, currency and time zone, for everything a screen shows. */
export function useShopFormat(): ShopFormat {
  const { locale, currency, timeZone } = useShopLocale();
  return useMemo(
    () => ({
      money: (minor) => formatMoney(minor, currency, locale),
      number: (value, options) => new Intl.NumberFormat(locale, options).format(value),
      dateTime: (instant, options = { dateStyle: 'medium', timeStyle: 'short' }) =>
        new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(typeof instant === 'string' ? new Date(instant) : instant),
      day: (day, options) => formatDay(day, locale, options),
      today: () => dayIn(new Date(), timeZone),
    }),
    [locale, currency, timeZone],
  );
}
