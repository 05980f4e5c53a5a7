import { formatMoney } from './format-money';

describe('formatMoney', () => {
  it('places the decimal point where the currency has it', () => {
    expect(formatMoney(1999, 'EUR', 'en-US')).toBe('€19.99');
    expect(formatMoney(1999, 'JPY', 'en-US')).toBe('¥1,999');
    expect(formatMoney(1999, 'KWD', 'en-US')).toMatch(/^KWD\s1\.999$/);
  });
});
