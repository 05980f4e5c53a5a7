import type { SelectOption } from '@kassa/web/ui';

/** Locales offered in settings; the shop's own is added when it is not among them. */
const OFFERED = [
  'de-DE',
  'de-AT',
  'de-CH',
  'en-US',
  'en-GB',
  'en-IE',
  'fr-FR',
  'fr-BE',
  'fr-CH',
  'it-IT',
  'es-ES',
  'nl-NL',
  'nl-BE',
  'pt-PT',
  'pt-BR',
  'pl-PL',
  'cs-CZ',
  'sv-SE',
  'da-DK',
  'nb-NO',
  'fi-FI',
  'ja-JP',
];

/** Each locale named in its own language, with an amount as it writes money (`Deutsch (Deutschland) · 1.234,56 €`). */
export function localeOptions(current: string, currency: string): SelectOption[] {
  const locales = OFFERED.includes(current) ? OFFERED : [current, ...OFFERED];
  return locales.map((locale) => {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
    const sample = new Intl.NumberFormat(locale, { style: 'currency', currency }).format(1234.56);
    return { value: locale, label: `${name} · ${sample}` };
  });
}

export function timeZoneOptions(current: string): SelectOption[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return (zones.includes(current) ? zones : [current, ...zones]).map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }));
}
