import { productListQuery, stockFilterOf, stockLevelQuery, PRODUCT_BATCH } from './product-listing';

describe('productListQuery', () => {
  it('sends the sort and the filters, in batches', () => {
    expect(productListQuery({ categoryId: 'c1', active: 'false' }, { id: 'price', desc: true }, 'next')).toEqual({
      sort: '-price',
      categoryId: 'c1',
      active: false,
      cursor: 'next',
      limit: PRODUCT_BATCH,
    });
  });

  it('sends no sort with a search (results come by relevance), and none the API does not know', () => {
    expect(productListQuery({ q: ' tea ' }, { id: 'name', desc: false }, undefined)).toEqual({ q: 'tea', limit: PRODUCT_BATCH });
    expect(productListQuery({}, { id: 'status', desc: false }, undefined)).toEqual({ limit: PRODUCT_BATCH });
  });
});

describe('stock filter', () => {
  it('needs both a state and a store', () => {
    expect(stockFilterOf({ stock: 'low' })).toBeUndefined();
    expect(stockFilterOf({ stock: 'sideways', storeId: 's1' })).toBeUndefined();
    expect(stockFilterOf({ stock: 'low', storeId: 's1' })).toEqual({ state: 'low', storeId: 's1' });
  });

  it("asks inventory's read for every product of the store in that state, within the category", () => {
    expect(stockLevelQuery({ stock: 'out', storeId: 's1', categoryId: 'c1', q: 'ignored' }, undefined)).toEqual({
      includeZero: true,
      storeId: 's1',
      state: 'out',
      categoryId: 'c1',
      limit: PRODUCT_BATCH,
    });
  });
});
