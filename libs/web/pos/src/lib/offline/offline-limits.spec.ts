import { markOfflineCards, offlineRefundStop, offlineSaleStop, offlineTenderAllowed, type OfflineLimits } from './offline-limits';

const limits: OfflineLimits = { offlineCardAllowed: false, offlineMaxSaleMinor: 5_000, offlineMaxHours: 8 };
const money = (minor: number) => `€${(minor / 100).toFixed(2)}`;
const HOUR = 3_600_000;

describe('offline limits at the till', () => {
  it('stops selling once the till has gone longer than the shop allows without reaching Kassa', () => {
    expect(offlineSaleStop(limits, 100, 0, 8 * HOUR, money)).toBeUndefined();
    expect(offlineSaleStop(limits, 100, 0, 8 * HOUR + 1, money)).toBe(
      'This till has not reached Kassa for more than 8 hours: connect it to the network to go on selling.',
    );
    expect(offlineSaleStop(limits, 100, null, 100 * HOUR, money)).toBeUndefined();
  });

  it('refuses a sale above the most an offline sale may be, and takes any with no limit', () => {
    expect(offlineSaleStop(limits, 5_000, 0, 0, money)).toBeUndefined();
    expect(offlineSaleStop(limits, 5_001, 0, 0, money)).toBe('Without the network a sale may be at most €50.00: connect to the network for this one.');
    expect(offlineSaleStop({ ...limits, offlineMaxSaleMinor: null }, 10_000_000, 0, 0, money)).toBeUndefined();
  });

  it('holds refunds to the same limits: hours, the most an offline refund may be, and cards only where allowed', () => {
    expect(offlineRefundStop(limits, { totalMinor: 5_000, tender: 'cash' }, 0, 0, money)).toBeUndefined();
    expect(offlineRefundStop(limits, { totalMinor: 5_001, tender: 'cash' }, 0, 0, money)).toBe(
      'Without the network a refund may be at most €50.00: connect to the network for this one.',
    );
    expect(offlineRefundStop(limits, { totalMinor: 100, tender: 'cash' }, 0, 9 * HOUR, money)).toMatch(/more than 8 hours/);
    expect(offlineRefundStop(limits, { totalMinor: 100, tender: 'card' }, 0, 0, money)).toMatch(/cash only/);
    expect(offlineRefundStop({ ...limits, offlineCardAllowed: true }, { totalMinor: 100, tender: 'card' }, 0, 0, money)).toBeUndefined();
  });

  it('takes cards offline only where the shop allows it, and marks them', () => {
    expect(['cash', 'card', 'other'].map((type) => offlineTenderAllowed(limits, type as 'cash'))).toEqual([true, false, true]);
    expect(offlineTenderAllowed({ ...limits, offlineCardAllowed: true }, 'card')).toBe(true);
    const tenders = [
      { type: 'card' as const, amountMinor: 500 },
      { type: 'cash' as const, amountMinor: 700 },
    ];
    expect(markOfflineCards(tenders, true)).toEqual([
      { type: 'card', amountMinor: 500, offline: true },
      { type: 'cash', amountMinor: 700 },
    ]);
    expect(markOfflineCards(tenders, false)).toEqual(tenders);
  });
});
