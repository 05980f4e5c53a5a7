import { CURRENCY_DENOMINATIONS, countedTotal, denominationsOf } from './denominations';

describe('currency denominations', () => {
  it('knows the euro, the US dollar and the pound, notes before coins, largest first', () => {
    for (const currency of ['EUR', 'USD', 'GBP']) {
      const sut = denominationsOf(currency) ?? [];
      expect(sut.length).toBeGreaterThan(5);
      expect([...sut].sort((a, b) => b.valueMinor - a.valueMinor)).toEqual(sut);
      expect(sut.findIndex((entry) => entry.kind === 'coin')).toBeGreaterThan(sut.findLastIndex((entry) => entry.kind === 'note'));
    }
    expect(denominationsOf('EUR')?.map((entry) => entry.valueMinor)).toEqual([50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1]);
    expect(denominationsOf('USD')?.find((entry) => entry.valueMinor === 25)).toEqual({ valueMinor: 25, kind: 'coin' });
  });

  it('lists each value once per currency', () => {
    for (const list of Object.values(CURRENCY_DENOMINATIONS)) expect(new Set(list.map((entry) => entry.valueMinor)).size).toBe(list.length);
  });

  it('answers nothing for a currency it does not know, in any case', () => {
    expect(denominationsOf('XYZ')).toBeUndefined();
    expect(denominationsOf('gbp')).toBe(CURRENCY_DENOMINATIONS['GBP']);
  });

  it('adds a count up in minor units', () => {
    expect(
      countedTotal([
        { valueMinor: 5000, count: 2 },
        { valueMinor: 2000, count: 1 },
        { valueMinor: 200, count: 3 },
        { valueMinor: 1, count: 4 },
      ]),
    ).toBe(12604);
    expect(countedTotal([])).toBe(0);
  });
});
