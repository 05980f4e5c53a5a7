import { countOne, discrepancyOf, lineForCode, receiptLinesOf } from './receiving-count';
import type { PurchaseOrderLine } from './purchasing-requests';

const line = (id: string, productId: string, sku: string, outstandingQuantity: number) =>
  ({
    id,
    productId,
    sku,
    name: sku,
    quantity: outstandingQuantity,
    receivedQuantity: 0,
    outstandingQuantity,
    unitCostMinor: 1,
    totalMinor: 1,
    packSize: null,
    expectedDate: null,
  }) as PurchaseOrderLine;

describe('receiving by scanning', () => {
  const lines = [line('l1', 'p1', 'MILK', 4), line('l2', 'p2', 'BREAD', 2)];
  const codes = new Map([['4011', 'p2']]);

  it('finds the line of a barcode or a SKU, and nothing for a code not on the order', () => {
    expect(lineForCode(lines, codes, ' 4011 ')?.id).toBe('l2');
    expect(lineForCode(lines, codes, 'MILK')?.id).toBe('l1');
    expect(lineForCode(lines, codes, '999')).toBeUndefined();
  });

  it('counts each scan up by one and sends only counted lines', () => {
    const counted = countOne(countOne(countOne({}, 'l1'), 'l1'), 'l2');
    expect(counted).toEqual({ l1: 2, l2: 1 });
    expect(receiptLinesOf({ ...counted, l3: 0 })).toEqual([
      { lineId: 'l1', quantity: 2 },
      { lineId: 'l2', quantity: 1 },
    ]);
  });

  it('tells short, exact and over from what is still due', () => {
    expect([3, 4, 5].map((counted) => discrepancyOf(lines[0], counted))).toEqual(['short', 'exact', 'over']);
  });
});
