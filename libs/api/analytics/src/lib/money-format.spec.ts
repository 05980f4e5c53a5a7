import { moneyFormat } from './money-format';

describe('moneyFormat', () => {
  it('spells minor units in the shop’s locale and currency', () => {
    expect(moneyFormat('de-DE', 'EUR')(123450)).toBe('1.234,50\u00a0€');
    expect(moneyFormat('en-IE', 'EUR')(123450)).toBe('€1,234.50');
    expect(moneyFormat('ja-JP', 'JPY')(1500)).toBe('￥1,500');
  });

  it('builds one format per locale and currency', () => {
    expect(moneyFormat('de-DE', 'EUR')).toBe(moneyFormat('de-DE', 'EUR'));
    expect(moneyFormat('de-DE', 'CHF')(123450)).toBe('1.234,50\u00a0CHF');
  });
});
