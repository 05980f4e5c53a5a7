/** Why stock moved. Every change of on-hand is one ledger row with one of these. */
export const STOCK_REASONS = ['sale', 'refund', 'void', 'adjustment', 'count', 'damage', 'loss', 'receipt', 'transfer_in', 'transfer_out'] as const;
export type StockReason = (typeof STOCK_REASONS)[number];

/** Reasons a person may post as an adjustment; the others come from counts, transfers, sales and purchasing. */
export const ADJUSTMENT_REASONS = ['adjustment', 'damage', 'loss', 'receipt'] as const satisfies readonly StockReason[];
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

/** Low stock: at or below the reorder point. No reorder point means never low. */
export function isLowStock(onHand: number, reorderPoint: number | null): boolean {
  return reorderPoint !== null && onHand <= reorderPoint;
}

/** Where a level stands, as screens show it and `state=` filters it: none left, at or below the reorder point, or enough. */
export const STOCK_STATES = ['out', 'low', 'in'] as const;
export type StockState = (typeof STOCK_STATES)[number];

export function stockStateOf(onHand: number, reorderPoint: number | null): StockState {
  if (onHand <= 0) return 'out';
  return isLowStock(onHand, reorderPoint) ? 'low' : 'in';
}

export interface StockLevelView {
  storeId: string;
  productId: string;
  onHand: number;
  /** The store's override if set, else the product's. */
  reorderPoint: number | null;
  low: boolean;
}
