import { IDBFactory } from 'fake-indexeddb';
import { TillDb } from '../store/till-db';
import { priceCart, type Cart } from '../sell/cart';
import { lineRefundMinor, noteRefunded, recentSales, rememberSale } from './recent-sales';
import { refundDraft } from './refund-draft';

const cart: Cart = {
  id: 'sale-1',
  lines: [
    { key: 'a', productId: 'tea', sku: 'TEA', name: 'Tea', listPriceMinor: 333, unitPriceMinor: 333, taxRateBps: 700, quantity: 3 },
    { key: 'b', productId: 'mug', sku: 'MUG', name: 'Mug', listPriceMinor: 1200, unitPriceMinor: 1200, taxRateBps: 1900, quantity: 1 },
  ],
  discount: { percentBps: 1_000 },
};
const priced = priceCart(cart, true);

describe('sales kept for refunds at the till', () => {
  it('keeps a completed sale with its lines by position, counts refunds made here, and gives back exactly what was paid, unit by unit', async () => {
    const db = await TillDb.open(new IDBFactory());
    await rememberSale(db, { cart, priced, receiptNumber: 7, occurredAt: '2026-11-30T09:00:00.000Z' });
    const [kept] = await recentSales(db);
    expect(kept).toMatchObject({ id: 'sale-1', receiptNumber: 7, totalMinor: priced.totalMinor });
    expect(kept.lines.map((line) => [line.position, line.name, line.quantity, line.totalMinor])).toEqual([
      [0, 'Tea', 3, priced.lines[0].totalMinor],
      [1, 'Mug', 1, priced.lines[1].totalMinor],
    ]);

    const first = lineRefundMinor(kept.lines[0], 1);
    await noteRefunded(db, 'sale-1', [{ position: 0, quantity: 1 }]);
    const [after] = await recentSales(db);
    expect(after.lines[0].refundedQuantity).toBe(1);
    expect(first + lineRefundMinor(after.lines[0], 2)).toBe(priced.lines[0].totalMinor);
  });

  it('queues a refund behind its sale with a frozen body: its client id, the drawer, when, offline and the approval', () => {
    const draft = refundDraft(
      {
        saleId: 'sale-1',
        lines: [{ position: 0, quantity: 1, restock: true }],
        tender: 'cash',
        totalMinor: 300,
        reason: 'Returned at the till',
        registerId: 'register-1',
        cashierId: 'cashier-1',
        approval: { userId: 'manager-1', pin: '2580' },
        occurredAt: new Date('2026-11-30T09:05:00.000Z'),
        offline: true,
      },
      'refund-1',
    );
    expect(draft).toEqual({
      id: 'refund-1',
      kind: 'refund',
      path: '/api/v1/sales/sale-1/refunds',
      body: {
        id: 'refund-1',
        lines: [{ position: 0, quantity: 1, restock: true }],
        tenders: [{ type: 'cash', amountMinor: 300 }],
        reason: 'Returned at the till',
        occurredAt: '2026-11-30T09:05:00.000Z',
        registerId: 'register-1',
        offline: true,
        approval: { userId: 'manager-1', pin: '2580' },
      },
      registerId: 'register-1',
      occurredAt: '2026-11-30T09:05:00.000Z',
      offline: true,
      cashierId: 'cashier-1',
      totalMinor: 300,
    });
  });
});
