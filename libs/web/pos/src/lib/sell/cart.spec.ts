import type { SnapshotProduct } from '../store/catalog-snapshot';
import {
  addProduct,
  approveDiscounts,
  discountsWithin,
  effectiveAllowance,
  emptyCart,
  overridePrice,
  parkable,
  priceCart,
  setLineDiscount,
  setQuantity,
  setSaleDiscount,
} from './cart';
import { quickCashAmounts, tenderState } from './tenders';

const tea: SnapshotProduct = {
  id: 'tea',
  sku: 'TEA',
  name: 'Tea',
  categoryId: null,
  priceMinor: 1_250,
  taxRateBps: 700,
  barcodes: ['4001'],
  active: true,
  trackStock: true,
  unit: 'pcs',
};
const mug = { ...tea, id: 'mug', sku: 'MUG', name: 'Mug', priceMinor: 890, taxRateBps: 1_900 };

describe('the till cart', () => {
  it('adds a second scan of a product to its line, and a discounted or re-priced line stays apart', () => {
    let cart = addProduct(addProduct(addProduct(emptyCart(), tea), mug), tea);
    expect(cart.lines.map((line) => [line.productId, line.quantity])).toEqual([
      ['tea', 2],
      ['mug', 1],
    ]);
    cart = setLineDiscount(cart, cart.lines[0].key, { percentBps: 1_000 });
    cart = addProduct(cart, tea);
    expect(cart.lines.map((line) => line.quantity)).toEqual([2, 1, 1]);
    cart = overridePrice(cart, cart.lines[2].key, 1_000);
    expect(addProduct(cart, tea).lines).toHaveLength(4);
    expect(setQuantity(cart, cart.lines[1].key, 0).lines).toHaveLength(2);
  });

  it('prices the cart with priceSale: line then sale discounts, tax inclusive', () => {
    let cart = addProduct(addProduct(addProduct(emptyCart(), tea), tea), mug);
    cart = setSaleDiscount(cart, { percentBps: 1_000 });
    const priced = priceCart(cart, true);
    expect(priced).toMatchObject({ subtotalMinor: 3_390, discountMinor: 339, totalMinor: 3_051 });
    expect(priced.taxMinor).toBe(priced.lines.reduce((sum, line) => sum + line.taxMinor, 0));
  });

  it('checks discounts against the allowance an approval widens, and parks without the PIN', () => {
    const cart = setSaleDiscount(addProduct(emptyCart(), tea), { percentBps: 1_000 });
    expect(discountsWithin(cart, true, 0)).toBe(false);
    const approved = approveDiscounts(cart, { userId: 'm', name: 'Manager', pin: '2580', allowanceBps: 5_000 });
    expect(effectiveAllowance(approved, 0)).toBe(5_000);
    expect(discountsWithin(approved, true, effectiveAllowance(approved, 0))).toBe(true);
    expect(effectiveAllowance(approveDiscounts(cart, { userId: 'o', name: 'Owner', pin: '1', allowanceBps: null }), 0)).toBeNull();
    expect(parkable(approved).approval).toBeUndefined();
  });
});

describe('split tenders', () => {
  it('tracks what is due across tenders and gives change from cash only', () => {
    expect(tenderState(3_051, [{ type: 'cash', amountMinor: 2_000 }])).toEqual({ paidMinor: 2_000, dueMinor: 1_051, changeMinor: 0, complete: false });
    expect(
      tenderState(3_051, [
        { type: 'cash', amountMinor: 2_000 },
        { type: 'card', amountMinor: 1_051 },
      ]).complete,
    ).toBe(true);
    expect(tenderState(1_051, [{ type: 'cash', amountMinor: 2_000 }]).changeMinor).toBe(949);
  });

  it('offers the exact amount and the next round notes', () => {
    expect(quickCashAmounts(1_051)).toEqual([1_051, 1_500, 2_000, 5_000]);
    expect(quickCashAmounts(2_000)).toEqual([2_000, 5_000, 10_000]);
    expect(quickCashAmounts(0)).toEqual([]);
  });
});
