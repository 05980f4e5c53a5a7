import { isDiscountWithin, priceSale, uuidv7, type Discount, type PricedSale } from '@kassa/contracts';
import type { SnapshotProduct } from '../store/catalog-snapshot';

export interface CartLine {
  /** Stable within the cart (two lines of one product can differ by price or discount). */
  key: string;
  productId: string;
  sku: string;
  name: string;
  /** The catalog price when the line was rung up. */
  listPriceMinor: number;
  unitPriceMinor: number;
  taxRateBps: number;
  quantity: number;
  discount?: Discount;
}

export interface CartCustomer {
  id: string;
  name: string;
}

/** A manager's PIN approval for a discount beyond the cashier's allowance; held in memory only, never parked. */
export interface DiscountApproval {
  userId: string;
  name: string;
  pin: string;
  /** The approver's own allowance in basis points; `null`: no limit. */
  allowanceBps: number | null;
}

export interface Cart {
  /** The sale's client id: a resend with the same body replays instead of selling twice. */
  id: string;
  lines: CartLine[];
  discount?: Discount;
  customer?: CartCustomer;
  approval?: DiscountApproval;
}

export const emptyCart = (): Cart => ({ id: uuidv7(), lines: [] });

const plainLineOf = (line: CartLine, product: SnapshotProduct) => line.productId === product.id && line.unitPriceMinor === product.priceMinor && !line.discount;

/** Rings a product up: another unit on its plain line if there is one (a second scan), else a new line at the end. */
export function addProduct(cart: Cart, product: SnapshotProduct, quantity = 1): Cart {
  const existing = cart.lines.find((line) => plainLineOf(line, product));
  if (existing) return setQuantity(cart, existing.key, existing.quantity + quantity);
  const line: CartLine = {
    key: uuidv7(),
    productId: product.id,
    sku: product.sku,
    name: product.name,
    listPriceMinor: product.priceMinor,
    unitPriceMinor: product.priceMinor,
    taxRateBps: product.taxRateBps,
    quantity,
  };
  return { ...cart, lines: [...cart.lines, line] };
}

const MAX_QUANTITY = 100_000;

/** A quantity below one removes the line. */
export function setQuantity(cart: Cart, key: string, quantity: number): Cart {
  if (quantity < 1) return removeLine(cart, key);
  return updateLine(cart, key, { quantity: Math.min(Math.trunc(quantity), MAX_QUANTITY) });
}

export function removeLine(cart: Cart, key: string): Cart {
  return { ...cart, lines: cart.lines.filter((line) => line.key !== key) };
}

export function setLineDiscount(cart: Cart, key: string, discount: Discount | undefined): Cart {
  return updateLine(cart, key, { discount });
}

export function overridePrice(cart: Cart, key: string, unitPriceMinor: number): Cart {
  return updateLine(cart, key, { unitPriceMinor });
}

export const setSaleDiscount = (cart: Cart, discount: Discount | undefined): Cart => ({ ...cart, discount });
export const attachCustomer = (cart: Cart, customer: CartCustomer | undefined): Cart => ({ ...cart, customer });
export const approveDiscounts = (cart: Cart, approval: DiscountApproval | undefined): Cart => ({ ...cart, approval });

function updateLine(cart: Cart, key: string, change: Partial<CartLine>): Cart {
  return { ...cart, lines: cart.lines.map((line) => (line.key === key ? { ...line, ...change } : line)) };
}

/** The cart priced exactly as the API will price the sale. */
export function priceCart(cart: Cart, pricesIncludeTax: boolean): PricedSale {
  return priceSale({
    pricesIncludeTax,
    discount: cart.discount,
    lines: cart.lines.map((line) => ({ unitPriceMinor: line.unitPriceMinor, quantity: line.quantity, taxRateBps: line.taxRateBps, discount: line.discount })),
  });
}

/** The widest discount allowance standing behind this cart: the cashier's own, or an approver's when wider. */
export function effectiveAllowance(cart: Cart, ownBps: number | null): number | null {
  const approved = cart.approval?.allowanceBps;
  if (ownBps === null || approved === null) return null;
  return approved === undefined ? ownBps : Math.max(ownBps, approved);
}

/** Whether `cart` with its discounts stays within `allowanceBps` (line and sale discounts together, of the gross). */
export function discountsWithin(cart: Cart, pricesIncludeTax: boolean, allowanceBps: number | null): boolean {
  const priced = priceCart(cart, pricesIncludeTax);
  return isDiscountWithin(priced.discountMinor, priced.subtotalMinor, allowanceBps);
}

/** What parking keeps: everything but an approval's PIN (a resumed sale asks for approval again). */
export const parkable = (cart: Cart): Cart => ({ ...cart, approval: undefined });

/** A sale's total units, for the cart's heading. */
export const unitCount = (cart: Cart) => cart.lines.reduce((sum, line) => sum + line.quantity, 0);
