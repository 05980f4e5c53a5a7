import type { Sale } from './sale-requests';

/** A deviation an offline sale was rung up with, as the notice and the reconciliation list word it. */
export const FLAG_LABEL: Record<Sale['flags'][number], string> = {
  price_changed: 'a price other than the catalog’s',
  product_inactive: 'an inactive product',
  product_deleted: 'a deleted product',
  negative_stock: 'stock below zero',
  tender_short: 'tenders short of the total',
  discount_unapproved: 'a discount beyond the allowance',
  offline_limit_exceeded: 'beyond the shop’s offline limits',
};
