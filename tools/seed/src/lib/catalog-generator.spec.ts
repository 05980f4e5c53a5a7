import { generateProducts } from './catalog-generator';
import { ean13 } from './random';

describe('the catalog generator', () => {
  it('builds the same products from the same seed, and others from another', () => {
    expect(generateProducts(50, 42)).toEqual(generateProducts(50, 42));
    expect(generateProducts(50, 42)).not.toEqual(generateProducts(50, 7));
  });

  it('gives every product a unique SKU and a valid, unique EAN-13', () => {
    const products = generateProducts(5000, 42);
    expect(new Set(products.map((product) => product.sku)).size).toBe(5000);
    expect(new Set(products.map((product) => product.barcode)).size).toBe(5000);
    for (const { barcode } of products.slice(0, 100)) expect(ean13(barcode.slice(0, 12))).toBe(barcode);
  });

  it('prices in whole minor units with a cost below the price', () => {
    for (const product of generateProducts(500, 1)) {
      expect(Number.isInteger(product.priceMinor)).toBe(true);
      expect(product.costMinor).toBeLessThan(product.priceMinor);
    }
  });
});

describe('ean13', () => {
  it('computes the GS1 check digit', () => {
    expect(ean13('400638133393')).toBe('4006381333931');
  });
});
