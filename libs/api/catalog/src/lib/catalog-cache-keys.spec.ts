import { categoryTreeKeyOfRequest, productListKey, productListKeyOfRequest } from './catalog-cache-keys';

const request = (query: Record<string, unknown>) => ({ query, params: {}, tenantId: 't1', storeIds: null, peek: async () => undefined });
const CATEGORY = '0192f0c4-0000-7000-8000-000000000000';

describe('catalog cache keys from raw requests', () => {
  it('build the very key the products service reads under (page size + 1 rows, filters as validated)', () => {
    expect(productListKeyOfRequest(request({}))).toEqual(productListKey({}, 'name', 51));
    expect(productListKeyOfRequest(request({ limit: '20', categoryId: CATEGORY, active: 'false' }))).toEqual(
      productListKey({ categoryId: CATEGORY, active: false }, 'name', 21),
    );
    expect(productListKeyOfRequest(request({ active: 'true' }))).toEqual(productListKey({ active: true }, 'name', 51));
  });

  it('vouch for nothing validation would refuse or read otherwise', () => {
    for (const query of [
      { limit: 'abc' },
      { limit: '0' },
      { limit: '07' },
      { limit: '201' },
      { limit: ['5', '6'] },
      { categoryId: 'not-a-uuid' },
      { active: 'yes' },
      { q: 'milk' },
      { cursor: 'x' },
      { updatedSince: '2026-01-01T00:00:00Z' },
      { colour: 'red' },
      { sort: 'price' },
      { ids: 'x' },
    ]) {
      expect([query, productListKeyOfRequest(request(query))]).toEqual([query, undefined]);
    }
    expect(categoryTreeKeyOfRequest(request({}))).toEqual({});
    expect(categoryTreeKeyOfRequest(request({ updatedSince: '2026-01-01T00:00:00Z' }))).toBeUndefined();
  });
});
