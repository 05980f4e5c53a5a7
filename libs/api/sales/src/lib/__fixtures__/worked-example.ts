import type { ReceiptView } from '../receipt-view';

const line = (fields: Partial<ReceiptView['sale']['lines'][number]>): ReceiptView['sale']['lines'][number] => ({
  id: 'l0',
  productId: 'p0',
  sku: 'SKU',
  name: 'Item',
  quantity: 1,
  unitPriceMinor: 0,
  listPriceMinor: 0,
  taxRateBps: 0,
  discount: null,
  grossMinor: 0,
  lineDiscountMinor: 0,
  saleDiscountMinor: 0,
  taxMinor: 0,
  totalMinor: 0,
  flags: [],
  refundedQuantity: 0,
  ...fields,
});

/**
 * The worked example (prices include tax): 3 × Organic bananas at 1.99 with 10 % off (5.37), 1 × a long-named
 * notebook at 12.50, 1.00 off the sale spread 0.30 / 0.70 by largest remainder; tax included at 19 % (0.81) and
 * 7 % (0.77); paid 20.00 cash, change 3.13; one banana refunded the next morning (1.69, a third of 5.07).
 */
export const workedExample: ReceiptView = {
  shopName: 'Corner Shop & Co',
  storeName: 'Main Street',
  registerName: 'Till 1',
  timeZone: 'Europe/Berlin',
  sale: {
    id: 's1',
    storeId: 'st1',
    registerId: 'r1',
    receiptNumber: 1042,
    customerId: null,
    customerName: null,
    status: 'completed',
    offline: false,
    flags: [],
    currency: 'EUR',
    pricesIncludeTax: true,
    discount: { amountMinor: 100 },
    subtotalMinor: 1847,
    discountMinor: 160,
    taxMinor: 158,
    totalMinor: 1687,
    tenderedMinor: 2000,
    changeDueMinor: 313,
    note: null,
    actorType: 'user',
    actorId: 'u1',
    occurredAt: '2026-11-26T22:30:00.000Z',
    createdAt: '2026-11-26T22:30:01.000Z',
    reviewedAt: null,
    voidedAt: null,
    voidReason: null,
    lines: [
      line({ id: 'l1', name: 'Organic bananas', quantity: 3, unitPriceMinor: 199, taxRateBps: 1900, discount: { percentBps: 1000 }, grossMinor: 597, lineDiscountMinor: 60, saleDiscountMinor: 30, taxMinor: 81, totalMinor: 507, refundedQuantity: 1 }),
      line({ id: 'l2', name: 'Notebook, dotted, A5, 120 pages, recycled paper', quantity: 1, unitPriceMinor: 1250, taxRateBps: 700, grossMinor: 1250, saleDiscountMinor: 70, taxMinor: 77, totalMinor: 1180 }),
    ],
    tenders: [{ id: 't1', type: 'cash', amountMinor: 2000 }],
    negativeStockLines: [],
  },
  refunds: [
    {
      id: 'rf1',
      saleId: 's1',
      reason: 'Bruised',
      totalMinor: 169,
      taxMinor: 27,
      actorType: 'user',
      actorId: 'u2',
      createdAt: '2026-11-27T09:15:00.000Z',
      lines: [{ id: 'rl1', saleLineId: 'l1', productId: 'p1', quantity: 1, restock: false, taxRateBps: 1900, amountMinor: 169, taxMinor: 27 }],
      tenders: [{ type: 'cash', amountMinor: 169 }],
    },
  ],
};

