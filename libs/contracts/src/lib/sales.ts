/** How a sale is paid; each tender is one of these. */
export const TENDER_TYPES = ['cash', 'card', 'other'] as const;
export type TenderType = (typeof TENDER_TYPES)[number];

/**
 * What an offline sale did that the server would have refused online. It is recorded anyway (the
 * customer has left with the goods) and listed for a manager in the reconciliation view. `offline_limit_exceeded`:
 * beyond the shop's offline limits (a card tender offline where the shop allows none, or a total above the most).
 */
export const SALE_FLAGS = [
  'discount_unapproved',
  'negative_stock',
  'price_changed',
  'product_inactive',
  'product_deleted',
  'tender_short',
  'offline_limit_exceeded',
] as const;
export type SaleFlag = (typeof SALE_FLAGS)[number];

/**
 * What an offline refund could not have checked at the till: its approval, checked when it synced, did not hold
 * (missing, wrong PIN, an approver without `sales:refund` or of another store). Recorded anyway: the money went out.
 */
export const REFUND_FLAGS = ['approval_unverified'] as const;
export type RefundFlag = (typeof REFUND_FLAGS)[number];
