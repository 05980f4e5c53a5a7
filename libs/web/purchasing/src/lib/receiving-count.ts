import type { PurchaseOrderLine } from './purchasing-requests';

/** What has come off the truck so far, per order line: counted units (scans add one each). */
export type ReceivingCount = Record<string, number>;

/** The line a scanned code belongs to: the product's SKU or one of its barcodes, as `codes` maps them to product ids. */
export function lineForCode(lines: readonly PurchaseOrderLine[], codes: ReadonlyMap<string, string>, code: string): PurchaseOrderLine | undefined {
  const wanted = code.trim();
  const productId = codes.get(wanted) ?? lines.find((line) => line.sku === wanted)?.productId;
  return lines.find((line) => line.productId === productId);
}

/** One more unit of the line. */
export function countOne(count: ReceivingCount, lineId: string): ReceivingCount {
  return { ...count, [lineId]: (count[lineId] ?? 0) + 1 };
}

/** How a line's count compares with what is still due: short, exact or over. */
export function discrepancyOf(line: PurchaseOrderLine, counted: number): 'short' | 'exact' | 'over' {
  if (counted === line.outstandingQuantity) return 'exact';
  return counted < line.outstandingQuantity ? 'short' : 'over';
}

/** The receipt's lines: every line counted above zero. */
export function receiptLinesOf(count: ReceivingCount): { lineId: string; quantity: number }[] {
  return Object.entries(count)
    .filter(([, quantity]) => quantity > 0)
    .map(([lineId, quantity]) => ({ lineId, quantity }));
}
