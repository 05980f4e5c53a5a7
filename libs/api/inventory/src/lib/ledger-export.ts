import type { SheetColumn } from '@kassa/api/spreadsheets';

export interface LedgerExportRow {
  createdAt: string;
  storeCode: string;
  sku: string;
  productName: string;
  delta: number;
  onHandAfter: number;
  reason: string;
  note: string | null;
}

/** A ledger entry as inventory stores it: store and product names are tenancy's and catalog's. */
export interface StoredLedgerEntry {
  id: string;
  storeId: string;
  productId: string;
  delta: number;
  onHandAfter: number;
  reason: string;
  note: string | null;
  createdAt: string;
}

/** Oldest first, in keyset pages by id (UUIDv7: creation order). */
export const LEDGER_EXPORT_SQL = `
  SELECT id, store_id AS "storeId", product_id AS "productId", delta, on_hand_after AS "onHandAfter", reason, note,
         to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"
    FROM stock_ledger
   WHERE ($1::uuid IS NULL OR store_id = $1) AND ($2::uuid[] IS NULL OR store_id = ANY($2))
     AND ($3::uuid IS NULL OR id > $3)
   ORDER BY id LIMIT $4`;

export const LEDGER_EXPORT_COLUMNS: SheetColumn<LedgerExportRow>[] = [
  { header: 'When', type: 'date', value: (row) => row.createdAt },
  { header: 'Store', type: 'text', value: (row) => row.storeCode },
  { header: 'SKU', type: 'text', value: (row) => row.sku },
  { header: 'Product', type: 'text', value: (row) => row.productName },
  { header: 'Change', type: 'integer', value: (row) => row.delta },
  { header: 'On hand after', type: 'integer', value: (row) => row.onHandAfter },
  { header: 'Reason', type: 'text', value: (row) => row.reason },
  { header: 'Note', type: 'text', value: (row) => row.note },
];

export const LEDGER_CSV_HEADER = [
  'createdAt',
  'storeCode',
  'sku',
  'productName',
  'delta',
  'onHandAfter',
  'reason',
  'note',
] as const satisfies readonly (keyof LedgerExportRow)[];
