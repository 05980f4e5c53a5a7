/**
 * One sale line as analytics sees it (revenue net of discounts, excluding tax, in minor units). A
 * refund line carries negative quantity and revenue on the refund's own local day; voided sales are
 * not passed in at all.
 */
export interface SaleLineFact {
  saleId: string;
  productId: string;
  /** Local day, YYYY-MM-DD. */
  date: string;
  quantity: number;
  revenueMinor: number;
  /** Quantity × the unit cost snapshotted on the line; null for lines sold before costs were recorded. */
  costMinor: number | null;
}
