/** The levels table's columns as the export's CSV names, in the table's order. */
const LEVEL_COLUMNS: Record<string, readonly string[]> = {
  product: ['sku', 'productName'],
  store: ['storeCode', 'storeName'],
  onHand: ['onHand'],
  reorderPoint: ['reorderPoint'],
  low: ['low'],
};

/** The ledger table's columns as the export's CSV names. */
const LEDGER_COLUMNS: Record<string, readonly string[]> = {
  when: ['createdAt'],
  store: ['storeCode'],
  product: ['sku', 'productName'],
  delta: ['delta'],
  onHandAfter: ['onHandAfter'],
  reason: ['reason'],
  note: ['note'],
};

const exportColumns = (map: Record<string, readonly string[]>, visible: readonly string[]): string => visible.flatMap((id) => map[id] ?? []).join(',');

/** `columns=` for `/inventory/levels/export` from the levels table's visible columns (controls such as Adjust have none). */
export const levelExportColumns = (visible: readonly string[]) => exportColumns(LEVEL_COLUMNS, visible);

/** `columns=` for `/inventory/ledger/export` from the ledger table's visible columns. */
export const ledgerExportColumns = (visible: readonly string[]) => exportColumns(LEDGER_COLUMNS, visible);
