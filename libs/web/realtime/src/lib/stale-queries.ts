import type { EventEnvelope } from '@kassa/contracts';

export type StaleQueryKey = readonly string[];

/** Query keys name entities as `queryKeys` does (`purchase-order`); events name aggregates in SQL style (`purchase_order`). */
const entityOf = (aggregateType: string) => aggregateType.replaceAll('_', '-');

const rowsOf = (entity: string, id: string): StaleQueryKey[] => [
  [entity, 'list'],
  [entity, 'detail', id],
];

/**
 * The queries an event makes stale: the lists of its aggregate and that one aggregate's detail (other details stay
 * cached). A stock level shows on its product's screens and in the reorder suggestions, so stock events refresh those too.
 */
export function staleQueryKeys(event: Pick<EventEnvelope, 'aggregateType' | 'aggregateId' | 'data'>): StaleQueryKey[] {
  const keys = rowsOf(entityOf(event.aggregateType), event.aggregateId);
  if (event.aggregateType === 'stock_level') {
    const productId = event.data['productId'];
    if (typeof productId === 'string') keys.push(...rowsOf('product', productId));
    keys.push(['reorder-suggestion']);
  }
  return keys;
}
