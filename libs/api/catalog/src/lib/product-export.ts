import { pickExportColumns, SheetColumn } from '@kassa/api/spreadsheets';

/** Between the names of a category path, in exports and imports. */
export const CATEGORY_PATH_SEPARATOR = ' > ';

/** A product as exported: one row per product, barcodes joined with spaces, the category by its path (`Drinks > Tea`). */
export interface ProductExportRow {
  sku: string;
  name: string;
  category: string | null;
  barcodes: string;
  unit: string;
  priceMinor: number;
  costMinor: number | null;
  taxRateBps: number;
  active: boolean;
  trackStock: boolean;
  reorderPoint: number | null;
  reorderQuantity: number | null;
  updatedAt: string;
}

/** Parameters: after SKU, page size, categoryId, active, q and its SKU prefix range (`skuPrefixRange`). */
export const PRODUCT_EXPORT_SQL = `
  WITH RECURSIVE category_path AS (
    SELECT id, name::text AS path FROM category WHERE parent_id IS NULL
    UNION ALL
    SELECT c.id, cp.path || '${CATEGORY_PATH_SEPARATOR}' || c.name FROM category c JOIN category_path cp ON c.parent_id = cp.id
  )
  SELECT p.sku, p.name, c.path AS category,
         coalesce((SELECT string_agg(b.code, ' ' ORDER BY b.code) FROM product_barcode b
                    WHERE b.tenant_id = p.tenant_id AND b.product_id = p.id), '') AS barcodes,
         p.unit, p.price_minor AS "priceMinor", p.cost_minor AS "costMinor", p.tax_rate_bps AS "taxRateBps",
         p.active, p.track_stock AS "trackStock", p.reorder_point AS "reorderPoint", p.reorder_quantity AS "reorderQuantity",
         to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"
    FROM product p LEFT JOIN category_path c ON c.id = p.category_id
   WHERE p.deleted_at IS NULL AND ($1::text IS NULL OR p.sku > $1)
     AND ($3::uuid IS NULL OR p.category_id = $3) AND ($4::boolean IS NULL OR p.active = $4)
     -- the list's search (exact barcode as GTIN-14, SKU prefix, name by word similarity), so a view exports as it shows
     AND ($5::text IS NULL
          OR EXISTS (SELECT 1 FROM product_barcode b WHERE b.tenant_id = p.tenant_id AND b.product_id = p.id AND gtin14(b.code) = gtin14($5))
          OR (p.sku_key COLLATE "C" >= $6 AND p.sku_key COLLATE "C" < $7)
          OR $5 <% p.name)
   ORDER BY p.sku LIMIT $2`;

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

export const PRODUCT_EXPORT_COLUMNS: SheetColumn<ProductExportRow>[] = [
  { header: 'SKU', type: 'text', value: (row) => row.sku },
  { header: 'Name', type: 'text', value: (row) => row.name },
  { header: 'Category', type: 'text', value: (row) => row.category },
  { header: 'Barcodes', type: 'text', value: (row) => row.barcodes },
  { header: 'Unit', type: 'text', value: (row) => row.unit },
  { header: 'Price', type: 'money', value: (row) => row.priceMinor },
  { header: 'Cost', type: 'money', value: (row) => row.costMinor },
  { header: 'Tax (basis points)', type: 'integer', value: (row) => row.taxRateBps },
  { header: 'Active', type: 'text', value: (row) => yesNo(row.active) },
  { header: 'Track stock', type: 'text', value: (row) => yesNo(row.trackStock) },
  { header: 'Reorder point', type: 'integer', value: (row) => row.reorderPoint },
  { header: 'Reorder quantity', type: 'integer', value: (row) => row.reorderQuantity },
  { header: 'Updated', type: 'date', value: (row) => row.updatedAt },
];

/** CSV keeps machine values (minor units), so a file can go back in through the import. */
export const PRODUCT_CSV_HEADER = [
  'sku',
  'name',
  'category',
  'barcodes',
  'unit',
  'priceMinor',
  'costMinor',
  'taxRateBps',
  'active',
  'trackStock',
  'reorderPoint',
  'reorderQuantity',
  'updatedAt',
] as const satisfies readonly (keyof ProductExportRow)[];

/** The export's columns, or those `columns` names (CSV keys, comma-separated) in that order. */
export function pickProductColumns(columns?: string) {
  return pickExportColumns({ csvHeader: PRODUCT_CSV_HEADER, sheetColumns: PRODUCT_EXPORT_COLUMNS }, columns);
}
