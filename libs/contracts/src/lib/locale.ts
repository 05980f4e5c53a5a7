/**
 * The shop's locale: a BCP 47 tag (`de-DE`) that money, numbers and dates are written and typed in.
 * At sign-up it is guessed from the currency and time zone; the shop can change it in settings.
 */

const FALLBACK_LOCALE = 'en-US';

/**
 * The country of each European time zone: a euro shop's time zone says which euro country it is in
 * (`EUR` + `Europe/Vienna` → `de-AT`). Other currencies name their country themselves.
 */
const EUROPEAN_TIME_ZONE_REGIONS: Readonly<Record<string, string>> = {
  'Atlantic/Azores': 'PT',
  'Atlantic/Canary': 'ES',
  'Atlantic/Madeira': 'PT',
  'Europe/Amsterdam': 'NL',
  'Europe/Andorra': 'AD',
  'Europe/Athens': 'GR',
  'Europe/Belgrade': 'RS',
  'Europe/Berlin': 'DE',
  'Europe/Bratislava': 'SK',
  'Europe/Brussels': 'BE',
  'Europe/Bucharest': 'RO',
  'Europe/Budapest': 'HU',
  'Europe/Busingen': 'DE',
  'Europe/Copenhagen': 'DK',
  'Europe/Dublin': 'IE',
  'Europe/Helsinki': 'FI',
  'Europe/Lisbon': 'PT',
  'Europe/Ljubljana': 'SI',
  'Europe/London': 'GB',
  'Europe/Luxembourg': 'LU',
  'Europe/Madrid': 'ES',
  'Europe/Malta': 'MT',
  'Europe/Mariehamn': 'AX',
  'Europe/Monaco': 'MC',
  'Europe/Nicosia': 'CY',
  'Europe/Oslo': 'NO',
  'Europe/Paris': 'FR',
  'Europe/Podgorica': 'ME',
  'Europe/Prague': 'CZ',
  'Europe/Riga': 'LV',
  'Europe/Rome': 'IT',
  'Europe/San_Marino': 'SM',
  'Europe/Sofia': 'BG',
  'Europe/Stockholm': 'SE',
  'Europe/Tallinn': 'EE',
  'Europe/Vaduz': 'LI',
  'Europe/Vatican': 'VA',
  'Europe/Vienna': 'AT',
  'Europe/Vilnius': 'LT',
  'Europe/Warsaw': 'PL',
  'Europe/Zagreb': 'HR',
  'Europe/Zurich': 'CH',
};

let regionNames: Intl.DisplayNames | undefined;
/** Made on first use (sign-up): building it reads ICU's region names, ≈ 12 ms, which every page loading the contracts paid before. */
const regionNamesInEnglish = () => (regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' }));

/** The country an ISO 4217 code belongs to (`CHF` → `CH`); none for `EUR` and the X… codes. */
function currencyRegion(currency: string): string | undefined {
  const candidate = currency.slice(0, 2).toUpperCase();
  if (candidate.startsWith('X') || candidate === 'EU') return undefined;
  return regionNamesInEnglish().of(candidate) === candidate ? undefined : candidate;
}

/** A well-formed BCP 47 tag that this runtime can format numbers in. */
export function isSupportedLocale(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1 && Intl.NumberFormat.supportedLocalesOf([value]).length === 1;
  } catch {
    return false;
  }
}

/** The canonical spelling of a tag (`de-de` → `de-DE`). */
export function canonicalLocale(value: string): string {
  return Intl.getCanonicalLocales(value)[0];
}

/**
 * The locale a new shop starts with: the country from its currency (or, for the euro, from its time
 * zone) and that country's most likely language (`CHF` → `de-CH`, `EUR` + `Europe/Paris` → `fr-FR`).
 */
export function defaultLocale(currency: string, timeZone: string): string {
  const region = currency.toUpperCase() === 'EUR' ? EUROPEAN_TIME_ZONE_REGIONS[timeZone] : currencyRegion(currency);
  if (!region) return FALLBACK_LOCALE;
  const { language } = new Intl.Locale(`und-${region}`).maximize();
  const locale = `${language}-${region}`;
  return isSupportedLocale(locale) ? locale : FALLBACK_LOCALE;
}
