import { liveCatalogChange } from './live-catalog-change';

describe('liveCatalogChange', () => {
  it('fetches the catalog delta for any product change', () => {
    for (const type of ['product.created', 'product.updated', 'product.deleted'] as const) {
      expect(liveCatalogChange({ type, data: { id: 'p1' } }, 's1')).toEqual({ kind: 'catalog' });
    }
  });

  it('takes the new on-hand of a stock move in this store', () => {
    expect(liveCatalogChange({ type: 'stock.adjusted', data: { storeId: 's1', productId: 'p1', onHand: 4, delta: -1 } }, 's1')).toEqual({
      kind: 'stock',
      productId: 'p1',
      onHand: 4,
    });
  });

  it('ignores stock moves in other stores and events that do not touch the snapshot', () => {
    expect(liveCatalogChange({ type: 'stock.adjusted', data: { storeId: 's2', productId: 'p1', onHand: 4 } }, 's1')).toBeUndefined();
    expect(liveCatalogChange({ type: 'stock.low', data: { storeId: 's1', productId: 'p1', onHand: 1 } }, 's1')).toBeUndefined();
    expect(liveCatalogChange({ type: 'sale.created', data: { storeId: 's1' } }, 's1')).toBeUndefined();
  });
});
