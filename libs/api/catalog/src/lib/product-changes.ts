import { gtin14 } from '@kassa/spreadsheet-core';
import type { CreateProductDto, ProductDto, UpdateProductDto } from './dto/product.dto';

const COMPARED_FIELDS = [
  'sku',
  'name',
  'description',
  'categoryId',
  'unit',
  'priceMinor',
  'costMinor',
  'taxRateBps',
  'active',
  'trackStock',
  'reorderPoint',
  'reorderQuantity',
  'imageUrl',
] as const satisfies readonly (keyof UpdateProductDto & keyof ProductDto)[];

/**
 * Whether applying `changes` would leave the stored product as it is: every field given equals the
 * stored one (a field left out keeps its value), barcodes compared as a set of GTIN-14s. Such a change
 * writes nothing — no version bump, event or audit row.
 */
export function changesNothing(changes: UpdateProductDto | CreateProductDto, stored: ProductDto): boolean {
  const sameFields = COMPARED_FIELDS.every((field) => changes[field] === undefined || changes[field] === stored[field]);
  if (!sameFields || changes.barcodes === undefined) return sameFields;
  const codes = (barcodes: readonly string[]) => [...new Set(barcodes.map(gtin14))].sort().join('\n');
  return codes(changes.barcodes) === codes(stored.barcodes);
}
