import { hasValidCheckDigit } from '@kassa/spreadsheet-core';
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

const GTIN_LENGTHS = new Set([8, 12, 13, 14]);

/** The barcodes typed in the form (commas or spaces between them). */
export const barcodesOf = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/**
 * What is wrong with the typed barcodes, as the person types: a code of 8, 12, 13 or 14 digits is a GTIN
 * and must end in its check digit (a scanner would not read it otherwise); other codes are in-house.
 */
export function barcodeProblem(text: string): string | undefined {
  const wrong = barcodesOf(text).find((code) => /^\d+$/.test(code) && GTIN_LENGTHS.has(code.length) && !hasValidCheckDigit(code));
  return wrong && `${wrong} is not a valid GTIN: its last digit (the check digit) does not match.`;
}

/** Only what the person changed, in the API's terms. */
export function changesOf(values: ProductFormValues, dirty: Partial<Record<keyof ProductFormValues, unknown>>): ProductChanges {
  const changes: ProductChanges = {};
  if (dirty.name) changes.name = values.name.trim();
  if (dirty.sku) changes.sku = values.sku.trim();
  if (dirty.priceMinor && values.priceMinor !== null) changes.priceMinor = values.priceMinor;
  if (dirty.taxRatePercent && values.taxRatePercent !== null) changes.taxRateBps = Math.round(values.taxRatePercent * 100);
  if (dirty.barcodes) changes.barcodes = barcodesOf(values.barcodes);
  if (dirty.description) changes.description = values.description.trim() || null;
  if (dirty.active) changes.active = values.active;
  return changes;
}
