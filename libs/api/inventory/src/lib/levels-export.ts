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
}

/** A stock level as inventory stores it: the store's and the product's names are tenancy's and catalog's. */
export interface StoredLevel {
  id: string;
  storeId: string;
  productId: string;
  onHand: number;
  /** The store's own; the product's applies when null. */
  reorderPoint: number | null;
  updatedAt: string;
}

export const LEVELS_EXPORT_SQL = `
  SELECT s.id, s.store_id AS "storeId", s.product_id AS "productId", s.on_hand AS "onHand", s.reorder_point AS "reorderPoint",
         to_char(s.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"
    FROM stock_level s
   WHERE ($1::uuid IS NULL OR s.store_id = $1) AND ($2::uuid[] IS NULL OR s.store_id = ANY($2))
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

export const LEVEL_CSV_HEADER = [
  'storeCode',
  'storeName',
  'sku',
  'productName',
  'onHand',
  'reorderPoint',
  'low',
  'updatedAt',
] as const satisfies readonly (keyof LevelExportRow)[];
