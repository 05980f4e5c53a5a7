import { skuPrefixRange } from './product-search';

describe('product search helpers', () => {
  it('turns a SKU prefix into the range of lower-cased SKUs that start with it', () => {
    expect(skuPrefixRange('FRU-00')).toEqual(['fru-00', 'fru-01']);
    expect(skuPrefixRange('a_%')).toEqual(['a_%', 'a_&']);
    const [from, to] = skuPrefixRange('dai-0001');
    for (const sku of ['dai-0001', 'dai-00012', 'dai-0001/x']) expect(sku >= from && sku < to).toBe(true);
    for (const sku of ['dai-0002', 'dai-000', 'dai-0000z']) expect(sku >= from && sku < to).toBe(false);
  });
});
