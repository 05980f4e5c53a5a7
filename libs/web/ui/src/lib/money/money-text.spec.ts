import fc from 'fast-check';
import { currencyAffix, formatMoney, formatMoneyInput, parseMoney } from './money-text';

const minorOf = (text: string, locale: string, currency = 'EUR') => {
  const parsed = parseMoney(text, locale, currency);
  return parsed.ok ? parsed.units : parsed.reason;
};

describe('parseMoney', () => {
  it('reads 12,50 in a de-DE shop as 1250 minor units', () => {
    expect(minorOf('12,50', 'de-DE')).toBe(1250);
  });

  it('reads 12.50 in an en-US shop as 1250 minor units', () => {
    expect(minorOf('12.50', 'en-US')).toBe(1250);
  });

  it('reads thousands separators as each locale writes them', () => {
    expect(minorOf('1.234,5', 'de-DE')).toBe(123450);
    expect(minorOf('1,234.56', 'en-US')).toBe(123456);
    expect(minorOf("1'234.50", 'de-CH', 'CHF')).toBe(123450);
    // French groups with a narrow no-break space; people type a plain one.
    expect(minorOf('1 234,50', 'fr-FR')).toBe(123450);
    expect(minorOf('12,34,567.00', 'en-IN', 'INR')).toBe(1234567_00);
  });

  it('refuses the other convention instead of guessing a hundred times the amount', () => {
    expect(minorOf('12.50', 'de-DE')).toBe('Write it like 1.234,56.');
    expect(minorOf('12,50', 'en-US')).toBe('Write it like 1,234.56.');
  });

  it("holds to the currency's minor units", () => {
    expect(minorOf('12.505', 'en-US')).toBe('Use at most 2 decimal places.');
    expect(minorOf('1200', 'ja-JP', 'JPY')).toBe(1200);
    expect(minorOf('12.5', 'ja-JP', 'JPY')).toBe('Use whole numbers only.');
    expect(minorOf('1.5', 'en-US', 'KWD')).toBe(1500);
  });

  it('reads empty as no amount and trims around the number', () => {
    expect(minorOf('', 'de-DE')).toBeNull();
    expect(minorOf('   ', 'de-DE')).toBeNull();
    expect(minorOf(' 12 ', 'de-DE')).toBe(1200);
    expect(minorOf(',5', 'de-DE')).toBe(50);
    expect(minorOf('12,', 'de-DE')).toBe(1200);
  });

  it('refuses what is not an amount', () => {
    expect(minorOf('abc', 'en-US')).toBe('Write it like 1,234.56.');
    expect(minorOf('1.2.3', 'en-US')).toBe('Write it like 1,234.56.');
    expect(minorOf('-5', 'en-US')).toBe('Enter zero or more.');
    expect(minorOf('99999999999999999', 'en-US')).toBe('That number is too large.');
  });

  it('takes negative amounts where they are allowed', () => {
    expect(parseMoney('-5,00', 'de-DE', 'EUR', { allowNegative: true })).toEqual({ ok: true, units: -500 });
    expect(parseMoney('\u22125,00', 'de-DE', 'EUR', { allowNegative: true })).toEqual({ ok: true, units: -500 });
  });

  it("reads the locale's own digits", () => {
    expect(minorOf('١٢٫٥٠', 'ar-EG', 'EGP')).toBe(1250);
  });

  it('reads back exactly what it formats, in every locale and currency', () => {
    const cases = fc.tuple(
      fc.integer({ min: 0, max: 10 ** 13 }),
      fc.constantFrom('de-DE', 'en-US', 'fr-FR', 'de-CH', 'en-IN', 'ja-JP', 'ar-EG', 'sv-SE'),
      fc.constantFrom('EUR', 'USD', 'JPY', 'KWD', 'CHF'),
    );
    fc.assert(fc.property(cases, ([minor, locale, currency]) => minorOf(formatMoneyInput(minor, locale, currency), locale, currency) === minor));
  });
});

describe('formatMoneyInput', () => {
  it('writes minor units as the field shows them, without the symbol', () => {
    expect(formatMoneyInput(1250, 'de-DE', 'EUR')).toBe('12,50');
    expect(formatMoneyInput(123456, 'en-US', 'USD')).toBe('1,234.56');
    expect(formatMoneyInput(1999, 'en-US', 'JPY')).toBe('1,999');
    expect(formatMoneyInput(5, 'en-US', 'EUR')).toBe('0.05');
  });
});

describe('formatMoney', () => {
  it('places the decimal point where the currency has it', () => {
    expect(formatMoney(1999, 'EUR', 'en-US')).toBe('€19.99');
    expect(formatMoney(1999, 'JPY', 'en-US')).toBe('¥1,999');
    expect(formatMoney(1999, 'KWD', 'en-US')).toMatch(/^KWD\s1\.999$/);
    expect(formatMoney(1999, 'EUR', 'de-DE')).toBe('19,99\u00a0€');
  });

  it('stays exact beyond what a float holds in cents', () => {
    expect(formatMoney(9007199254740991, 'USD', 'en-US')).toBe('$90,071,992,547,409.91');
  });
});

describe('currencyAffix', () => {
  it('puts the symbol where the locale writes it', () => {
    expect(currencyAffix('en-US', 'EUR')).toEqual({ symbol: '€', position: 'start' });
    expect(currencyAffix('de-DE', 'EUR')).toEqual({ symbol: '€', position: 'end' });
  });
});
