import { gtin14 } from '@kassa/spreadsheet-core';
import { gtin14Forms, skuPrefixRange } from './product-search';

describe('product search helpers', () => {
  it('turns a SKU prefix into the range of lower-cased SKUs that start with it', () => {
    expect(skuPrefixRange('FRU-00')).toEqual(['fru-00', 'fru-01']);
    expect(skuPrefixRange('a_%')).toEqual(['a_%', 'a_&']);
    const [from, to] = skuPrefixRange('dai-0001');
    for (const sku of ['dai-0001', 'dai-00012', 'dai-0001/x']) expect(sku >= from && sku < to).toBe(true);
    for (const sku of ['dai-0002', 'dai-000', 'dai-0000z']) expect(sku >= from && sku < to).toBe(false);
  });

  it('lists every written form of a barcode that is the same GTIN-14, and nothing else', () => {
    expect(gtin14Forms('012345678905').sort()).toEqual(['00012345678905', '0012345678905', '012345678905']);
    expect(gtin14Forms('00000096385074').sort()).toEqual(['00000096385074', '0000096385074', '000096385074', '96385074']);
    expect(gtin14Forms('SHELF-7')).toEqual(['SHELF-7']);
    expect(gtin14Forms('12345')).toEqual(['12345']);
    expect(gtin14Forms('٠١٢٣٤٥٦٧')).toEqual(['٠١٢٣٤٥٦٧']);
    // Exhaustive over short digit strings padded with zeros: a code is a form exactly when its GTIN-14 matches.
    const candidates = ['96385074', '096385074', '0096385074', '000096385074', '0000096385074', '00000096385074', '1096385074', '12345678905', '012345678905'];
    for (const code of candidates) {
      const forms = gtin14Forms(code);
      for (const other of candidates) expect(forms.includes(other)).toBe(gtin14(other) === gtin14(code));
    }
  });
});
