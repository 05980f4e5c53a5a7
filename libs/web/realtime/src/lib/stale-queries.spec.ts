import { staleQueryKeys } from './stale-queries';

describe('staleQueryKeys', () => {
  it('marks the lists of the aggregate and that one aggregate’s detail stale', () => {
    expect(staleQueryKeys({ aggregateType: 'product', aggregateId: 'p1', data: {} })).toEqual([
      ['product', 'list'],
      ['product', 'detail', 'p1'],
    ]);
  });

  it('names multi-word aggregates as the query keys do', () => {
    expect(staleQueryKeys({ aggregateType: 'purchase_order', aggregateId: 'o1', data: {} })).toEqual([
      ['purchase-order', 'list'],
      ['purchase-order', 'detail', 'o1'],
    ]);
  });

  it('refreshes the product and the reorder suggestions when a stock level moves', () => {
    expect(staleQueryKeys({ aggregateType: 'stock_level', aggregateId: 'l1', data: { productId: 'p7', storeId: 's1' } })).toEqual([
      ['stock-level', 'list'],
      ['stock-level', 'detail', 'l1'],
      ['product', 'list'],
      ['product', 'detail', 'p7'],
      ['reorder-suggestion'],
    ]);
  });
});
