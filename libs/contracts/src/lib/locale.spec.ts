import { canonicalLocale, defaultLocale, isSupportedLocale } from './locale';

describe('defaultLocale', () => {
  it.each([
    ['EUR', 'Europe/Berlin', 'de-DE'],
    ['EUR', 'Europe/Vienna', 'de-AT'],
    ['EUR', 'Europe/Paris', 'fr-FR'],
    ['EUR', 'Europe/Madrid', 'es-ES'],
    ['CHF', 'Europe/Zurich', 'de-CH'],
    ['GBP', 'Europe/London', 'en-GB'],
    ['USD', 'America/New_York', 'en-US'],
    ['JPY', 'Asia/Tokyo', 'ja-JP'],
    ['SEK', 'Europe/Stockholm', 'sv-SE'],
  ])('guesses %s in %s as %s', (currency, timeZone, locale) => {
    expect(defaultLocale(currency, timeZone)).toBe(locale);
  });

  it('falls back to en-US when neither the currency nor the time zone names a country', () => {
    expect(defaultLocale('EUR', 'America/New_York')).toBe('en-US');
    expect(defaultLocale('XOF', 'Africa/Dakar')).toBe('en-US');
  });

  it('always answers a locale this runtime can format in', () => {
    for (const currency of Intl.supportedValuesOf('currency')) {
      expect(isSupportedLocale(defaultLocale(currency, 'UTC'))).toBe(true);
    }
  });
});

describe('isSupportedLocale', () => {
  it('accepts BCP 47 tags in any case and refuses what is not one', () => {
    expect(isSupportedLocale('de-DE')).toBe(true);
    expect(isSupportedLocale('de-de')).toBe(true);
    expect(isSupportedLocale('pt-BR')).toBe(true);
    expect(isSupportedLocale('de_DE')).toBe(false);
    expect(isSupportedLocale('german')).toBe(false);
    expect(isSupportedLocale('')).toBe(false);
    expect(isSupportedLocale('de-DE, en-US')).toBe(false);
  });

  it('refuses a well-formed tag whose language this runtime cannot format', () => {
    expect(isSupportedLocale('qaa-DE')).toBe(false);
  });
});

describe('canonicalLocale', () => {
  it('spells the tag the standard way', () => {
    expect(canonicalLocale('de-de')).toBe('de-DE');
    expect(canonicalLocale('EN-us')).toBe('en-US');
  });
});

describe('loading the locale rules', () => {
  afterEach(() => jest.restoreAllMocks());

  it('reads the region names only when a default locale needs them, not on import', () => {
    const DisplayNames = Intl.DisplayNames;
    const made = jest.spyOn(Intl, 'DisplayNames').mockImplementation((locales, options) => new DisplayNames(locales, options));
    jest.isolateModules(() => {
      const fresh = jest.requireActual<typeof import('./locale')>('./locale');
      expect(made).not.toHaveBeenCalled();
      expect(fresh.defaultLocale('CHF', 'Europe/Zurich')).toBe('de-CH');
      expect(fresh.defaultLocale('JPY', 'Asia/Tokyo')).toBe('ja-JP');
    });
    expect(made).toHaveBeenCalledTimes(1);
  });
});
