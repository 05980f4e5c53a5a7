import { uuidv7, type EventData } from '@kassa/contracts';

/** A `stock.adjusted` event of its own aggregate, shaped as the schema wants: the events the outbox benches write. */
export function benchStockAdjusted(index: number) {
  const data: EventData<'stock.adjusted'> = { storeId: uuidv7(), productId: uuidv7(), delta: -1, reason: 'sale', onHand: index, ledgerEntryId: uuidv7() };
  return { type: 'stock.adjusted' as const, aggregateType: 'bench', aggregateId: uuidv7(), aggregateVersion: 1, data };
}
