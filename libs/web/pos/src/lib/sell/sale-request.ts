import type { Schemas } from '@kassa/api-client';
import type { Cart } from './cart';
import type { Tender } from './tenders';

export type CreateSale = Schemas['CreateSaleDto'];
export type Sale = Schemas['SaleDto'];

/** A rung-up sale waiting for its answer: its receipt number is taken and stays with it on every retry. */
export interface PendingSale {
  cart: Cart;
  receiptNumber: number;
  tenders: Tender[];
}

/** The API's body for a sale from this till, priced by the API exactly as `priceCart` priced it here. */
export function saleRequest(pending: PendingSale, place: { storeId: string; registerId: string }): CreateSale {
  const { cart } = pending;
  return {
    id: cart.id,
    storeId: place.storeId,
    registerId: place.registerId,
    receiptNumber: pending.receiptNumber,
    ...(cart.customer ? { customerId: cart.customer.id } : {}),
    lines: cart.lines.map((line) => ({
      productId: line.productId,
      quantity: line.quantity,
      ...(line.unitPriceMinor !== line.listPriceMinor ? { unitPriceMinor: line.unitPriceMinor } : {}),
      ...(line.discount ? { discount: line.discount } : {}),
    })),
    ...(cart.discount ? { discount: cart.discount } : {}),
    ...(cart.approval ? { approval: { userId: cart.approval.userId, pin: cart.approval.pin } } : {}),
    tenders: pending.tenders.map((tender) => ({ type: tender.type, amountMinor: tender.amountMinor })),
  };
}
