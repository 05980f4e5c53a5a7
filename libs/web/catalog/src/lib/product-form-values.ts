import type { Product, ProductChanges } from './product-requests';

export interface ProductFormValues {
  name: string;
  sku: string;
  priceMinor: number | null;
  /** Percent with two decimals in the form; basis points in the API. */
  taxRatePercent: number | null;
  barcodes: string;
  description: string;
  active: boolean;
}

export function valuesOf(product: Product): ProductFormValues {
  return {
    name: product.name,
    sku: product.sku,
    priceMinor: product.priceMinor,
    taxRatePercent: product.taxRateBps / 100,
    barcodes: product.barcodes.join(', '),
    description: product.description ?? '',
    active: product.active,
  };
}

/** Only what the person changed, in the API's terms. */
export function changesOf(values: ProductFormValues, dirty: Partial<Record<keyof ProductFormValues, unknown>>): ProductChanges {
  const changes: ProductChanges = {};
  if (dirty.name) changes.name = values.name.trim();
  if (dirty.sku) changes.sku = values.sku.trim();
  if (dirty.priceMinor && values.priceMinor !== null) changes.priceMinor = values.priceMinor;
  if (dirty.taxRatePercent && values.taxRatePercent !== null) changes.taxRateBps = Math.round(values.taxRatePercent * 100);
  if (dirty.barcodes) changes.barcodes = values.barcodes.split(/[\s,]+/).filter(Boolean);
  if (dirty.description) changes.description = values.description.trim() || null;
  if (dirty.active) changes.active = values.active;
  return changes;
}
