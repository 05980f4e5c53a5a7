import type { ShiftReportDto } from '../dto/shift-report.dto';

/**
 * The worked example as a Z-report: float 100.00; cash sales of 12.50 (paid with 20.00, change 7.50), 8.00
 * and 30.00, all at 19 % tax included; the 8.00 sale refunded in cash; a pay-out of 15.00; counted 127.49.
 * Tax: 12.50 → 2.00, 8.00 → 1.28, 30.00 → 4.79 (half-even of ×19/119), less the refunded 1.28.
 */
export const workedExampleShift: ShiftReportDto = {
  kind: 'Z',
  zNumber: 7,
  shiftId: 'sh1',
  storeId: 'st1',
  registerId: 'r1',
  shopName: 'Corner Shop & Co',
  storeName: 'Main Street',
  registerName: 'Till 1',
  currency: 'EUR',
  timeZone: 'Europe/Berlin',
  openedAt: '2026-11-26T07:00:00.000Z',
  closedAt: '2026-11-26T17:05:00.000Z',
  takenAt: '2026-11-26T17:05:00.000Z',
  sales: { count: 3, grossMinor: 5050, discountMinor: 0, taxMinor: 807, totalMinor: 5050 },
  refunds: { count: 1, totalMinor: 800, taxMinor: 128 },
  voids: { count: 0, totalMinor: 0 },
  netMinor: 4250,
  taxByRate: [{ rateBps: 1900, netMinor: 3571, taxMinor: 679 }],
  tenders: [{ type: 'cash', salesMinor: 5800, changeMinor: 750, refundsMinor: 800, voidsMinor: 0, netMinor: 4250 }],
  cashMovements: [{ id: 'm1', type: 'pay_out', amountMinor: 1500, reason: 'Window cleaner', occurredAt: '2026-11-26T11:30:00.000Z' }],
  cash: {
    openingFloatMinor: 10000,
    salesMinor: 5800,
    changeMinor: 750,
    refundsMinor: 800,
    voidsMinor: 0,
    payInsMinor: 0,
    payOutsMinor: 1500,
    dropsMinor: 0,
    expectedMinor: 12750,
    countedMinor: 12749,
    overShortMinor: -1,
  },
  denominations: [
    { valueMinor: 5000, count: 2 },
    { valueMinor: 1000, count: 2 },
    { valueMinor: 500, count: 1 },
    { valueMinor: 200, count: 1 },
    { valueMinor: 20, count: 2 },
    { valueMinor: 5, count: 1 },
    { valueMinor: 2, count: 2 },
  ],
  receipts: { firstNumber: 41, lastNumber: 44, gaps: [{ from: 43, to: 43 }], missingCount: 1 },
};
