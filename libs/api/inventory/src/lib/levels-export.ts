import type { SheetColumn } from '@kassa/api/spreadsheets';

export interface LevelExportRow {
  storeCode: string;
  storeName: string;
  sku: string;
  productName: string;
  onHand: number;
  reorderPoint: number | null;
  low: boolean;
  updatedAt: string;
  /** Pages the export; not a column. */
  id: string;
}

export const LEVELS_EXPORT_SQL = `
  SELECT st.code AS "storeCode", st.name AS "storeName", p.sku, p.name AS "productName", s.on_hand AS "onHand",
         coalesce(s.reorder_point, p.reorder_point) AS "reorderPoint",
         s.on_hand <= coalesce(s.reorder_point, p.reorder_point) IS TRUE AS low,
         to_char(s.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt", s.id
    FROM stock_level s
    JOIN store st ON st.tenant_id = s.tenant_id AND st.id = s.store_id
    JOIN product p ON p.tenant_id = s.tenant_id AND p.id = s.product_id
   WHERE p.deleted_at IS NULL AND ($1::uuid IS NULL OR s.store_id = $1) AND ($2::uuid[] IS NULL OR s.store_id = ANY($2))
     AND ($3::uuid IS NULL OR s.id > $3)
   ORDER BY s.id LIMIT $4`;

export const LEVEL_EXPORT_COLUMNS: SheetColumn<LevelExportRow>[] = [
  { header: 'Store', type: 'text', value: (row) => row.storeCode },
  { header: 'Store name', type: 'text', value: (row) => row.storeName },
  { header: 'SKU', type: 'text', value: (row) => row.sku },
  { header: 'Product', type: 'text', value: (row) => row.productName },
  { header: 'On hand', type: 'integer', value: (row) => row.onHand },
  { header: 'Reorder point', type: 'integer', value: (row) => row.reorderPoint },
  { header: 'Low', type: 'text', value: (row) => (row.low ? 'yes' : 'no') },
  { header: 'Updated', type: 'date', value: (row) => row.updatedAt },
];

export const LEVEL_CSV_HEADER = ['storeCode', 'storeName', 'sku', 'productName', 'onHand', 'reorderPoint', 'low', 'updatedAt'] as const satisfies readonly (keyof LevelExportRow)[];
