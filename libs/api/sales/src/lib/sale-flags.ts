/**
 * What an offline sale did that the server would have refused online. It is recorded anyway (the
 * customer has left with the goods) and listed for a manager in the reconciliation view.
 */
export const SALE_FLAGS = ['discount_unapproved', 'negative_stock', 'price_changed', 'product_inactive', 'product_deleted', 'tender_short'] as const;
export type SaleFlag = (typeof SALE_FLAGS)[number];
