import type { EventEnvelope } from '@kassa/contracts';

/** What a pushed event means for this till's snapshot. */
export type LiveCatalogChange = { kind: 'catalog' } | { kind: 'stock'; productId: string; onHand: number };

/**
 * Product changes (prices, names, barcodes, deletions) are fetched through the delta API, which the snapshot already
 * applies in one transaction; a stock move in this till's store carries its new on-hand and is applied as it is.
 */
export function liveCatalogChange(event: Pick<EventEnvelope, 'type' | 'data'>, storeId: string): LiveCatalogChange | undefined {
  if (event.type.startsWith('product.')) return { kind: 'catalog' };
  if (event.type !== 'stock.adjusted' || event.data['storeId'] !== storeId) return undefined;
  const { productId, onHand } = event.data;
  return typeof productId === 'string' && typeof onHand === 'number' ? { kind: 'stock', productId, onHand } : undefined;
}
