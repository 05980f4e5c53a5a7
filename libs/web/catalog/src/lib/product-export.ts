/** The products table's columns as the export's CSV names (the xlsx gets the matching columns). */
const EXPORT_COLUMN: Record<string, string> = {
  name: 'name',
  sku: 'sku',
  price: 'priceMinor',
  barcodes: 'barcodes',
  status: 'active',
  updated: 'updatedAt',
};

/** `columns=` for `/products/export` from the visible columns of the products table, in its order. */
export function productExportColumns(visible: readonly string[]): string {
  return visible.flatMap((id) => (EXPORT_COLUMN[id] ? [EXPORT_COLUMN[id]] : [])).join(',');
}

/** The products export's filters from the table's: what the view finds is what the file holds. */
export function productExportFilters(filters: Readonly<Record<string, string>>): { q?: string; active?: boolean; categoryId?: string } {
  return {
    ...(filters['q'] ? { q: filters['q'] } : {}),
    ...(filters['active'] ? { active: filters['active'] === 'true' } : {}),
    ...(filters['categoryId'] ? { categoryId: filters['categoryId'] } : {}),
  };
}
