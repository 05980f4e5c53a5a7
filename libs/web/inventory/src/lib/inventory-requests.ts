import type { AdjustmentReason, StockReason } from '@kassa/contracts';
import type { Schemas } from '@kassa/api-client';
import { queryKeys } from '@kassa/web/data-access';

export type StockLevel = Schemas['StockLevelRowDto'];
export type LedgerEntry = Schemas['LedgerEntryDto'];

/** Levels and the ledger change together: one entity, so any movement refreshes both. */
export const stockKeys = {
  all: queryKeys.entity('stock'),
  levels: (params: object) => queryKeys.list('stock', { view: 'levels', ...params }),
  ledger: (params: object) => queryKeys.list('stock', { view: 'ledger', ...params }),
};

export const ADJUSTMENT_REASON_OPTIONS: readonly { value: AdjustmentReason; label: string }[] = [
  { value: 'receipt', label: 'Goods received' },
  { value: 'adjustment', label: 'Correction' },
  { value: 'damage', label: 'Damaged' },
  { value: 'loss', label: 'Lost or stolen' },
];

export const REASON_LABEL: Record<StockReason, string> = {
  sale: 'Sale',
  refund: 'Refund',
  void: 'Voided sale',
  adjustment: 'Correction',
  count: 'Count',
  damage: 'Damaged',
  loss: 'Lost or stolen',
  receipt: 'Goods received',
  transfer_in: 'Transfer in',
  transfer_out: 'Transfer out',
};
