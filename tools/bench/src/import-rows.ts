import { generateProducts } from '@kassa/seed';

/** The products the import benches post: the seed's catalog (fixed seed) as the import's JSON rows, one barcode each. */
export function importRows(count: number) {
  return generateProducts(count, 7).map((product) => ({
    sku: product.sku,
    name: product.name,
    priceMinor: product.priceMinor,
    costMinor: product.costMinor,
    taxRateBps: product.taxRateBps,
    barcodes: [product.barcode],
  }));
}
